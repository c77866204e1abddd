#!/usr/bin/env node
// Reviews synthesized CloudFormation templates with cdk-nag's AwsSolutions pack, as a security reviewer would.
//
//   node tests/nag/nag.js <template.json | cdk.out | folder>... [--text]
//
// Each template is loaded into a stack of its own with CfnInclude and checked by AwsSolutionsChecks. cdk-nag 3
// reads acknowledgements only from the construct tree (Validations.of(x).acknowledge), not from the template, so
// each resource's Metadata "cdk_nag": { "rules_to_suppress": [{ "id", "reason", "applies_to"? }] } (the format
// cdk-nag writes with writeSuppressionsToCloudFormation, and the one generated ArchPlan apps emit) is turned into
// acknowledgements on that resource. An id with applies_to acknowledges each finding "id[applies_to]" (cdk-nag 3
// has no prefix matching: each finding is acknowledged by its full id).
//
// Output (stdout): JSON { "templates": [ { "file", "findings": [ { "rule", "level", "resource", "type", "suppressed",
// "reason"?, "info" } ] } ], "errors": <unsuppressed errors> }; with --text, one line per finding.
// Exit: 0 no unsuppressed error, 1 unsuppressed errors, 2 bad arguments or an unreadable template.
'use strict';

const fs = require('fs');
const path = require('path');

let cdk, CfnInclude, AwsSolutionsChecks;
try {
  cdk = require('aws-cdk-lib');
  ({ CfnInclude } = require('aws-cdk-lib/cloudformation-include'));
  ({ AwsSolutionsChecks } = require('cdk-nag'));
} catch (e) {
  process.stderr.write(`nag.js: cannot load aws-cdk-lib or cdk-nag (${e.message}); run 'npm ci' at the repository root\n`);
  process.exit(2);
}

/** Every *.template.json under a folder (a cdk.out holds one per stack, nested assemblies included). */
function templatesIn(folder) {
  const found = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...templatesIn(full));
    else if (entry.isFile() && entry.name.endsWith('.template.json')) found.push(full);
  }
  return found.sort();
}

/** The acknowledgement ids a resource's cdk_nag metadata asks for, with their reasons. */
function suppressionsOf(resource) {
  const rules = resource?.Metadata?.cdk_nag?.rules_to_suppress;
  const result = [];
  if (!Array.isArray(rules)) return result;
  for (const rule of rules) {
    if (!rule || typeof rule.id !== 'string' || typeof rule.reason !== 'string') continue;
    const appliesTo = Array.isArray(rule.applies_to) ? rule.applies_to.filter((a) => typeof a === 'string') : [];
    if (appliesTo.length === 0) result.push({ id: rule.id, reason: rule.reason });
    for (const finding of appliesTo) result.push({ id: `${rule.id}[${finding}]`, reason: rule.reason });
  }
  return result;
}

/** The findings of one pass: rule id, level, logical id and cdk-nag's short text. */
function findings(pack, scope) {
  const report = pack.validateScope(scope);
  const list = [];
  for (const violation of report.violations) {
    for (const resource of violation.violatingResources) {
      list.push({
        rule: violation.ruleName,
        level: violation.severity,
        resource: resource.constructPath.split('/').pop(),
        info: violation.description,
      });
    }
  }
  return list;
}

function review(file) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = template.Resources ?? {};
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Reviewed');
  const included = new CfnInclude(stack, 'Template', { templateFile: file, allowCyclicalReferences: true });
  const pack = new AwsSolutionsChecks();

  // Pass 1: everything the pack finds. Pass 2: after the template's own acknowledgements. What pass 2 no longer
  // reports was acknowledged by the template; cdk-nag itself decides what an acknowledgement covers.
  const all = findings(pack, stack);
  const reasons = new Map();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const suppressions = suppressionsOf(resource);
    if (suppressions.length === 0) continue;
    cdk.Validations.of(included.getResource(logicalId)).acknowledge(...suppressions);
    for (const s of suppressions) reasons.set(`${logicalId} ${s.id}`, s.reason);
  }
  const open = new Set(findings(pack, stack).map((f) => `${f.resource} ${f.rule}`));

  const result = all.map((f) => {
    const key = `${f.resource} ${f.rule}`;
    const suppressed = !open.has(key);
    return {
      rule: f.rule,
      level: f.level,
      resource: f.resource,
      type: resources[f.resource]?.Type ?? '',
      suppressed,
      ...(suppressed ? { reason: reasons.get(key) ?? '' } : {}),
      info: f.info,
    };
  });
  result.sort((a, b) => (a.resource + ' ' + a.rule).localeCompare(b.resource + ' ' + b.rule));
  return result;
}

function main(argv) {
  const text = argv.includes('--text');
  const inputs = argv.filter((a) => a !== '--text');
  if (inputs.length === 0 || inputs.some((a) => a.startsWith('--'))) {
    process.stderr.write('usage: node tests/nag/nag.js <template.json | cdk.out | folder>... [--text]\n');
    return 2;
  }
  const files = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = fs.statSync(input);
    } catch {
      process.stderr.write(`nag.js: ${input}: no such file or folder\n`);
      return 2;
    }
    if (stat.isDirectory()) {
      const found = templatesIn(input);
      if (found.length === 0) {
        process.stderr.write(`nag.js: ${input}: no *.template.json in this folder\n`);
        return 2;
      }
      files.push(...found);
    } else {
      files.push(input);
    }
  }

  const templates = [];
  let errors = 0;
  for (const file of files) {
    let list;
    try {
      list = review(file);
    } catch (e) {
      process.stderr.write(`nag.js: ${file}: cannot review this template: ${e.message}\n`);
      return 2;
    }
    errors += list.filter((f) => f.level === 'error' && !f.suppressed).length;
    templates.push({ file, findings: list });
  }

  if (text) {
    for (const t of templates) {
      for (const f of t.findings) {
        const state = f.suppressed ? `suppressed: ${f.reason}` : f.level;
        process.stdout.write(`${t.file}: ${f.rule} ${f.resource} (${f.type}): ${state}\n`);
      }
    }
    process.stdout.write(`${templates.length} templates, ${errors} unsuppressed errors\n`);
  } else {
    process.stdout.write(JSON.stringify({ templates, errors }, null, 2) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
