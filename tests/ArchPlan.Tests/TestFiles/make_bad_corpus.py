#!/usr/bin/env python3
"""Writes the bad-plan corpus in bad/: one folder per case with plan.md (exact bytes) and expect.txt.

Run from anywhere: python3 make_bad_corpus.py. Every line number in expect.txt is computed here
from the bytes written, so editing a case cannot leave a stale line number behind.
Line numbers are CommonMark lines: LF, CRLF and a lone CR end a line; U+2028/U+2029/U+0085 do not.
"""
import json
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bad")

FRONT = """---
title: Cart API
date: 2026-11-01
status: active
author: Ana Souza
product: shop
---
"""

BODY = """
# Cart API

## Overview

A small API that stores shopping carts{overview}.

## Infrastructure (CDK/Terraform)

### AWS Resources

- **Lambda Function** `cart-api` — Node.js 20, 256 MB, timeout 10 s
- **DynamoDB Table** `carts` — on-demand, partition key `cart_id`
{resources}
## Configuration

### Environment Variables

| Variable           | Description           | Example                 | Required |
| ------------------ | --------------------- | ----------------------- | -------- |
| `CARTS_TABLE`      | Table of carts        | _(from DynamoDB table)_ | Yes      |
| `LOG_LEVEL`        | Log level             | `info`                  | No       |
| `PAYMENTS_API_KEY` | Payments provider key | _(Secrets Manager)_     | Yes      |
{env}
### Secrets (AWS Secrets Manager)

| Secret Name             | Description           | Format       |
| ----------------------- | --------------------- | ------------ |
| `shop/payments/api-key` | Payments provider key | Plain string |
{secrets}{tail}"""


def plan(front=FRONT, overview="", resources="", env="", secrets="", tail=""):
    return front + BODY.format(overview=overview, resources=resources, env=env, secrets=secrets, tail=tail)


def lines_of(data: bytes):
    """Splits bytes into CommonMark lines (LF, CRLF, CR)."""
    return re.split(rb"\r\n|\n|\r", data)


def ln(data, needle, nth=1):
    """1-based line of the nth line containing needle (str or bytes)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if isinstance(needle, str):
        needle = needle.encode("utf-8")
    seen = 0
    for i, line in enumerate(lines_of(data), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return i
    raise ValueError(f"needle not found: {needle[:60]!r}")


CASES = []


def case(name, data, expect, file="plan.md"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    CASES.append((name, file, data, expect.strip("\n") + "\n"))


def row(name, desc, example, req):
    return f"| `{name}` | {desc} | {example} | {req} |\n"


def sec(name, desc, fmt="Plain string"):
    return f"| `{name}` | {desc} | {fmt} |\n"


# ---------------------------------------------------------------- files that are not plans
case("001-empty-file", b"", """
# A zero-byte file.
error   line 0  empty-file  the plan is empty
""")

case("002-whitespace-only", b"\n  \n\t\n\n", """
# Only blank lines, spaces and a tab.
error   line 0  empty-file  the plan has no content
""")

png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4
case("003-binary-bytes", png, """
# A PNG image renamed to plan.md: NUL bytes and invalid UTF-8 from the first line on.
error   line 0  binary-file  the file contains NUL bytes; it is not a text plan
# Only this one diagnostic: no attempt to parse, no not-utf8 flood.
""")

p = plan(overview=" for the café").encode("utf-8").replace("café".encode("utf-8"), b"caf\xe9")
case("004-latin1-bytes", p, f"""
# Saved as Latin-1: "café" is written with the single byte 0xE9.
error   line {ln(p, b'caf')}  not-utf8  invalid UTF-8 byte 0xE9 (the file looks like Latin-1 / Windows-1252; save it as UTF-8)
""")

p = plan(overview=" for the caf\u00e9").encode("utf-8").replace("caf\u00e9".encode("utf-8"), b"caf\xed\xa0\x80")
case("005-lone-surrogate-bytes", p, f"""
# A lone UTF-16 surrogate (U+D800) encoded as UTF-8 bytes ED A0 80: not valid UTF-8.
error   line {ln(p, b'caf')}  not-utf8  invalid UTF-8 sequence ED A0 80 (an encoded surrogate)
""")

p = b"\xef\xbb\xbf" + plan().encode("utf-8")
case("006-bom-before-front-matter", p, f"""
# UTF-8 BOM before the opening ---. The front matter must still be found.
reads: product `shop` from the front matter, line 6
reads: variables CARTS_TABLE (line {ln(p, 'CARTS_TABLE')}), LOG_LEVEL, PAYMENTS_API_KEY
write-back: the BOM is kept as the file's first three bytes
# No diagnostics at all (in particular no no-product, no missing-front-matter).
""")

p = plan(env=row("CACHE_TTL", "Cache lifetime in seconds", "`300`", "maybe")).replace("\n", "\r\n").encode("utf-8")
case("007-crlf-line-endings", p, f"""
# Every line ends in CRLF. Line numbers are the same as with LF; the defect proves it.
error   line {ln(p, 'CACHE_TTL')}  invalid-required  `maybe` is not a Required value (use Yes or No)
write-back: every line still ends in CRLF
reads: product `shop` from the front matter (line 6): front matter is recognised with these line endings
""")

text = plan(env=row("LOG_LEVEL", "Log level again", "`debug`", "No"))
parts = text.split("\n")
mixed = ""
for i, line in enumerate(parts[:-1]):
    mixed += line + ("\r\n" if i % 3 == 0 else "\r" if i == 13 else "\n")
mixed += parts[-1]
p = mixed.encode("utf-8")
assert b"\r\n" in p and b"\r" in p.replace(b"\r\n", b"")
case("008-mixed-line-endings", p, f"""
# LF, CRLF and one lone CR (old Mac) mixed. A lone CR ends a line in CommonMark.
error   line {ln(p, 'LOG_LEVEL', 2)}  duplicate-variable  `LOG_LEVEL` is already defined on line {ln(p, 'LOG_LEVEL')}
write-back: each line keeps its own ending
reads: product `shop` from the front matter (line 6): front matter is recognised with these line endings
""")

p = "\r".join(plan().split("\n")).encode("utf-8")
p = p.replace(b"| `LOG_LEVEL`", b"| `LOG-LEVEL`")
case("009-cr-only-line-endings", p, f"""
# Classic Mac line endings (CR only) throughout. One invalid name to prove the line count.
error   line {ln(p, 'LOG-LEVEL')}  invalid-variable-name  `LOG-LEVEL` is not a valid variable name (letters, digits and _ only)
reads: product `shop` from the front matter (line 6): front matter is recognised with these line endings
""")

# ---------------------------------------------------------------- pathological Markdown
deep = "- " * 2000 + "deep\n"
p = plan(tail="\n## Notes\n\n" + deep)
case("010-deeply-nested-list", p, f"""
# 2,000 list levels on one line ("- - - … deep"): nothing may overflow the stack.
# Whether Markdig refuses it depends on its depth limits, so the diagnostic is optional.
may:    line 0|{ln(p, '- - - -')}  too-deeply-nested  allowed (at the offending line when the position is known, else the whole file); otherwise no diagnostic
time: under 5 s, no stack overflow, no exception escapes
""")

p = plan(tail="\n## Notes\n\n" + ">" * 2000 + " quoted\n")
case("011-deeply-nested-blockquote", p, f"""
# 2,000 nested blockquotes on one line.
may:    line 0|{ln(p, '>>>>')}  too-deeply-nested  allowed; otherwise no diagnostic
time: under 5 s, no stack overflow
""")

p = plan(tail="\n## Notes\n\n" + "a_ " * 65000 + "\n")
case("012-pathological-underscores", p, f"""
# "a_ " repeated 65,000 times: flat text that still makes Markdig throw "too deeply nested".
error   line 0|{ln(p, 'a_ a_ ')}  too-deeply-nested  the Markdown could not be read
time: under 5 s
""")

p = plan(tail="\n## Notes\n\n" + "[" * 50000 + "\n")
case("013-pathological-brackets", p, f"""
# 50,000 opening brackets: link-reference scanning must not go quadratic.
time: under 5 s, no exception escapes
may:    line 0|{ln(p, '[[[[')}  too-deeply-nested  allowed if Markdig refuses it; otherwise no diagnostic at all
""")

CASES.append(("014-huge-50mb-generated-at-test-time", None, None, """
# NOT COMMITTED: the test generates this input in a temporary folder.
# Input: the base plan (any clean plan) followed by 50 MB of ordinary paragraphs
#        ("Lorem ipsum dolor sit amet." lines), written to a temp file, deleted afterwards.
error   line 0  plan-too-large  the plan is larger than the size cap; nothing is parsed
time: under 2 s (the size is checked before reading the whole file into Markdig)
""".strip("\n") + "\n"))

# ---------------------------------------------------------------- front matter
fm = FRONT.replace("title: Cart API", "title: [Cart API")
p = plan(front=fm)
case("015-invalid-yaml-unclosed-bracket", p, f"""
# YAML flow sequence never closed: `title: [Cart API`.
error   line 2-7  invalid-yaml  the front matter is not valid YAML (YamlDotNet notices it on line 2 or later; the position is a plan line, not a YAML-block line)
# The body is still read; the product is unknown because the front matter could not be read.
error   line 1  no-product  the plan names no product (front matter unreadable, no stack structure)
""")

fm = FRONT.replace("status: active\n", "status: active\n\tpriority: high\n")
p = plan(front=fm)
case("016-invalid-yaml-tab-indent", p, f"""
# A tab used for indentation in the front matter.
error   line {ln(p, 'priority')}-{ln(p, 'priority') + 1}  invalid-yaml  tabs are not allowed for indentation in YAML
error   line 1  no-product  the plan names no product (front matter unreadable, no stack structure)
""")

case("017-front-matter-only", FRONT, """
# Nothing but front matter.
error   line 0  missing-section  the plan has no "AWS Resources" section (nothing to generate)
# No crash on a document without a body; product `shop` is still read (line 6).
""")

p = FRONT.replace("product: shop\n", "product: shop\nsummary: front matter that is never closed\n").rstrip("-\n") + "\n" + BODY.format(overview="", resources="", env="", secrets="", tail="")
case("018-unclosed-front-matter", p, """
# The opening --- has no closing ---: there is no front matter at all.
error   line 1  unclosed-front-matter  the front matter starting here is never closed with ---
error   line 1  no-product  the plan names no product
""")

p = "\n" + plan()
case("019-blank-line-before-front-matter", p, """
# A blank line before ---: Markdown no longer sees front matter (the block becomes a setext heading/rule).
error   line 2  front-matter-not-at-start  front matter must start on the first line
error   line 1  no-product  the plan names no product
""")

fm = FRONT.replace("author: Ana Souza\n", "author: Ana Souza\nstatus: implemented\n")
p = plan(front=fm)
case("020-duplicate-front-matter-key", p, f"""
# `status` twice. YamlDotNet keeps the last silently; ArchPlan must not.
error   line {ln(p, 'status:', 2)}  duplicate-front-matter-key  `status` is already set on line {ln(p, 'status:')}
""")

fm = FRONT.replace("status: active", "status: in-progress")
p = plan(front=fm)
case("021-invalid-status", p, f"""
# Status outside the template's lifecycle.
error   line {ln(p, 'status:')}  invalid-status  `in-progress` is not a status (active, implemented, superseded)
""")

fm = "---\ntitle: [Brief Title]\ndate: YYYY-MM-DD\nstatus: active # active → implemented → superseded\nauthor: [Your Name]\nproduct: shop\n---\n"
p = plan(front=fm, tail="\n## Cost Analysis\n\n| Resource | Cost | Justification |\n| --- | --- | --- |\n| Lambda invocations | $X | 2 million requests |\n| **Total** | **$Z** | |\n").replace("# Cart API", "# [Architecture Plan Title]")
case("022-unfilled-template-placeholders", p, f"""
# Template placeholders left in place. The YAML reads [Brief Title] as a list: still a placeholder.
error   line {ln(p, 'title:')}  unfilled-placeholder  `[Brief Title]`
error   line {ln(p, 'date:')}  unfilled-placeholder  `YYYY-MM-DD`
error   line {ln(p, 'author:')}  unfilled-placeholder  `[Your Name]`
error   line {ln(p, '# [Architecture')}  unfilled-placeholder  `[Architecture Plan Title]`
error   line {ln(p, '$X')}  unfilled-placeholder  `$X`
error   line {ln(p, '$Z')}  unfilled-placeholder  `$Z`
# The cost table itself is not configuration.
""")

fm = FRONT.replace("product: shop\n", "")
p = plan(front=fm)
case("023-no-product", p, """
# No product key and no CDK Stack Structure block.
error   line 1  no-product  the plan names no product (add `product:` to the front matter or pass --product)
""")

fm = FRONT.replace("product: shop", "product: ../../etc")
p = plan(front=fm)
case("024-product-path-traversal", p, f"""
# Product slug that climbs out of apps/.
error   line {ln(p, 'product:')}  invalid-product  `../../etc` is not a product slug (lower-case letters, digits and hyphens)
generate: writes nothing anywhere
""")

fm = FRONT.replace("product: shop", "product: 'C:\\Windows\\System32'")
p = plan(front=fm)
case("025-product-windows-path", p, f"""
# A drive-letter path as the product.
error   line {ln(p, 'product:')}  invalid-product  not a product slug
generate: writes nothing anywhere
""")

fm = FRONT.replace("product: shop", "product: CON")
p = plan(front=fm)
case("026-product-device-name", p, f"""
# A Windows device name (and upper case).
error   line {ln(p, 'product:')}  invalid-product  `CON` is not a product slug
""")

fm = FRONT.replace("product: shop\n", "")
stack = "\n### CDK Stack Structure\n\n```\napps/../../etc/infra/cdk/\n├── lib/\n│   └── shop-cart-stack.ts\n└── README.md\n```\n"
p = plan(front=fm, resources=stack)
case("027-product-traversal-in-stack-structure", p, f"""
# The product comes from the stack structure and climbs out of apps/.
error   line {ln(p, 'apps/../../')}  invalid-product  `..` is not a product slug
generate: writes nothing anywhere
""")

fm = FRONT.replace("product: shop", "product: [shop, web]")
p = plan(front=fm)
case("028-product-not-a-string", p, f"""
# product is a YAML list.
error   line {ln(p, 'product:')}  invalid-product  the product must be a single slug, not a list
""")

bomb = "---\ntitle: Cart API\ndate: 2026-11-01\nstatus: active\nauthor: Ana Souza\nproduct: shop\n"
bomb += 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
prev = "a"
for ch in "bcdefghi":
    bomb += f"{ch}: &{ch} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    prev = ch
bomb += "---\n"
p = plan(front=bomb)
case("029-yaml-alias-bomb", p, f"""
# "Billion laughs": nine levels of nine aliases (9^9 nodes if expanded).
error   line {ln(p, 'b: &b')}  yaml-alias-not-allowed  anchors and aliases are not allowed in front matter (first alias here)
time: under 2 s, memory stays small
reads: product `shop` (line 6) is still read: aliases are refused, the rest of the front matter is not lost
""")

fm = FRONT.replace("product: shop\n", "product: shop\ntags: " + "[" * 5000 + "]" * 5000 + "\n")
p = plan(front=fm)
case("030-yaml-deep-nesting", p, f"""
# 5,000 nested flow sequences in one front-matter value.
error   line {ln(p, 'tags:')}  invalid-yaml  the front matter is nested too deeply
error   line 1  no-product  the plan names no product (front matter unreadable, as in 015)
time: under 2 s, no stack overflow
""")

# ---------------------------------------------------------------- sections and tables
dup = "\n### AWS Resources\n\n- **S3 Bucket** `cart-exports` — CSV exports\n"
p = plan(resources=dup)
case("031-duplicate-aws-resources-section", p, f"""
# Two "### AWS Resources" headings in the Infrastructure section.
error   line {ln(p, '### AWS Resources', 2)}  duplicate-section  "AWS Resources" already starts on line {ln(p, '### AWS Resources')}
# Resources from both lists are read: cart-api, carts, cart-exports.
""")

tail = "\n## Configuration\n\n### Environment Variables\n\n| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n| `CART_TTL_DAYS` | Days a cart is kept | `30` | No |\n"
p = plan(tail=tail)
case("032-two-configuration-sections", p, f"""
# "## Configuration" twice.
error   line {ln(p, '## Configuration', 2)}  duplicate-section  "Configuration" already starts on line {ln(p, '## Configuration')}
# Both tables are read; CART_TTL_DAYS (line {ln(p, 'CART_TTL_DAYS')}) is a variable. No other diagnostic.
""")

p = plan(env="| `CART_TTL_DAYS` | Days a cart is kept |\n")
case("033-table-row-missing-cells", p, f"""
# A row with 2 of 4 cells (Markdig pads it silently).
warning line {ln(p, 'CART_TTL_DAYS')}  missing-cells  the row has 2 cells, the header has 4
# The variable is still read: value none, Required unspecified.
""")

p = plan(env="| `CART_TTL_DAYS` | Days a cart is kept | `30` | No | extra | more |\n")
case("034-table-row-extra-cells", p, f"""
# A row with 6 cells under a 4-column header (Markdig drops the extra cells silently).
warning line {ln(p, 'CART_TTL_DAYS')}  extra-cells  the row has 6 cells, the header has 4; `extra`, `more` are ignored
""")

# ---------------------------------------------------------------- variables
p = plan(env=row("LOG_LEVEL", "Log level for debugging", "`debug`", "No"))
case("035-duplicate-variable", p, f"""
# LOG_LEVEL twice in the same table.
error   line {ln(p, 'LOG_LEVEL', 2)}  duplicate-variable  `LOG_LEVEL` is already defined on line {ln(p, 'LOG_LEVEL')}
""")

p = plan(env=row("1ST_VAR", "Starts with a digit", "`1`", "No") + row("MY-VAR", "Has a hyphen", "`x`", "No")
         + row("my_var", "Lower case", "`x`", "No") + row("A", "One character", "`x`", "No")
         + row("CART\u200bMODE", "Zero-width space inside", "`x`", "No"))
case("036-invalid-variable-names", p, f"""
# Names a Lambda or a shell cannot use. Rule: [A-Z][A-Z0-9_]+ (at least 2 characters).
error   line {ln(p, '1ST_VAR')}  invalid-variable-name  `1ST_VAR` starts with a digit
error   line {ln(p, 'MY-VAR')}  invalid-variable-name  `MY-VAR` contains `-`
error   line {ln(p, 'my_var')}  invalid-variable-name  `my_var` is not upper case
error   line {ln(p, '| `A` |')}  invalid-variable-name  `A` is shorter than 2 characters
error   line {ln(p, 'MODE')}  invalid-variable-name  `CART<U+200B>MODE` contains an invisible character (shown escaped, not raw)
""")

p = plan(env=row("AWS_REGION", "Region", "`eu-west-1`", "Yes") + row("AWS_LAMBDA_FUNCTION_NAME", "Function name", "`cart-api`", "No")
         + row("_HANDLER", "Handler", "`index.handler`", "No") + row("TZ", "Time zone", "`Europe/Berlin`", "No"))
case("037-lambda-reserved-names", p, f"""
# Names Lambda reserves. CDK rejects the first three at synth; TZ passes synth and fails at deploy.
error   line {ln(p, 'AWS_REGION')}  reserved-variable-name  `AWS_REGION` is set by Lambda
error   line {ln(p, 'AWS_LAMBDA_FUNCTION_NAME')}  reserved-variable-name  `AWS_LAMBDA_FUNCTION_NAME` is set by Lambda
error   line {ln(p, '_HANDLER')}  reserved-variable-name  `_HANDLER` is set by Lambda (an invalid-variable-name error on the same line is also acceptable)
error   line {ln(p, '| `TZ`')}  reserved-variable-name  `TZ` is reserved by Lambda (CDK accepts it, deploy fails)
""")

big = ""
values = {}
for i in range(1, 6):
    v = f"{i}" * 900
    values[f"BLOB_{i}"] = v
    big += row(f"BLOB_{i}", f"Large literal {i}", f"`{v}`", "No")
envmap = {"LOG_LEVEL": "info", **values}
size = len(json.dumps(envmap, separators=(",", ":")))
p = plan(env=big)
case("038-oversized-lambda-environment", p, f"""
# Five 900-character literals: the literal environment of `cart-api` alone is {size} bytes as JSON (> 4,096),
# before CARTS_TABLE (a table name) and PAYMENTS_API_KEY are added.
error   line {ln(p, '`cart-api`')}  lambda-env-too-large  the environment of `cart-api` exceeds Lambda's 4 KB limit (reported at the function's resource line; the message names the largest variables)
""")

p = plan(env=row("CART_MODE", "Mode", "`fast`", "maybe") + row("CART_REGION", "Region", "`eu`", "TBD"))
case("039-invalid-required-values", p, f"""
# Required cells that are neither yes nor no.
error   line {ln(p, 'CART_MODE')}  invalid-required  `maybe` is not a Required value
error   line {ln(p, 'CART_REGION')}  invalid-required  `TBD` is not a Required value
""")

p = plan(env=row("CART_BASE_URL", "Base URL of the cart site", "", "Yes"))
case("040-required-without-value", p, f"""
# Required = Yes but no example/default value: the generator has nothing to put in the environment.
warning line {ln(p, 'CART_BASE_URL')}  required-without-value  `CART_BASE_URL` is required but has no value
""")

p = plan(env=row("CACHE_HOST", "Cache endpoint", "_(from Redis)_", "Yes"))
case("041-value-from-unknown-resource", p, f"""
# `_(from Redis)_` but the plan has no such resource.
error   line {ln(p, 'CACHE_HOST')}  unresolved-resource  no resource of the plan matches "Redis"
""")

sec2 = sec("shop/analytics/token", "Analytics token")
p = plan(env=row("SEARCH_TOKEN", "Search service token", "_(Secrets Manager)_", "Yes"), secrets=sec2)
case("042-secret-value-unresolved", p, f"""
# `_(Secrets Manager)_` but no secret matches SEARCH_TOKEN by name or JSON field, and there are two secrets.
error   line {ln(p, 'SEARCH_TOKEN')}  unresolved-secret  no secret matches `SEARCH_TOKEN`; name the secret (e.g. `shop/search-token`) or add it to the Secrets table
""")

p = plan(env=row("CART_TTL_DAYS", "Days a cart is kept", "`30`", "No"))
p = p.replace("| Required |\n", "| Required | Used by |\n").replace("| -------- |\n", "| -------- | ------- |\n")
p = re.sub(r"^(\| `(?!CART_TTL_DAYS)[A-Z_]+`.*\|)$", r"\1 |", p, flags=re.M)
p = p.replace("| `30` | No |", "| `30` | No | `cart-worker` |")
case("043-scope-names-unknown-component", p, f"""
# `Used by` names a component that is not in the resource list.
warning line {ln(p, 'CART_TTL_DAYS')}  unknown-component  `cart-worker` is not a resource of this plan
""")

# ---------------------------------------------------------------- secrets
p = plan(secrets=sec("shop/payments/api-key", "Same secret again"))
case("044-duplicate-secret", p, f"""
# The same secret listed twice.
error   line {ln(p, 'shop/payments/api-key', 2)}  duplicate-secret  `shop/payments/api-key` is already listed on line {ln(p, 'shop/payments/api-key')}
""")

p = plan(secrets=sec("[product]/payments/api-key", "Written with the placeholder"))
case("045-duplicate-secret-after-product-substitution", p, f"""
# `[product]/payments/api-key` becomes `shop/payments/api-key`: the same secret as the row above.
error   line {ln(p, '[product]/payments')}  duplicate-secret  `shop/payments/api-key` is already listed on line {ln(p, '`shop/payments/api-key`')}
""")

longname = "shop/" + "a" * 520
p = plan(secrets=sec("shop/my secret", "Space in the name") + sec("shop/db!creds", "Exclamation mark") + sec(longname, "Longer than 512 characters")
         + sec("shop/ünïcode", "Non-ASCII letters"))
case("046-invalid-secret-names", p, f"""
# Secret names outside [A-Za-z0-9/_+=.@-] or longer than 512 characters.
error   line {ln(p, 'shop/my secret')}  invalid-secret-name  `shop/my secret` contains a space
error   line {ln(p, 'shop/db!creds')}  invalid-secret-name  `shop/db!creds` contains `!`
error   line {ln(p, 'aaaaaaaa')}  invalid-secret-name  the name is {len(longname)} characters (at most 512); the message must not echo all of it
error   line {ln(p, 'shop/ü')}  invalid-secret-name  `shop/ünïcode` contains non-ASCII characters
""")

p = plan(secrets=sec("rds!cluster-0a1b2c3d-4e5f-6789-abcd-ef0123456789", "Managed by RDS"))
case("047-aws-managed-secret-name", p, f"""
# An AWS-managed secret name (RDS creates these; they contain `!`). Decision: ArchPlan cannot create
# or name such a secret, so the name is rejected; reference a managed secret by ARN in code instead.
error   line {ln(p, 'rds!cluster')}  invalid-secret-name  `rds!cluster-…` contains `!` (AWS-managed secrets cannot be declared in the Secrets table)
""")

p = plan(secrets=sec("db-secret", "Ends in -secret") + sec("shop/api-google", "Ends in -google") + sec("shop/stripe-apikey", "Ends in -apikey"))
case("048-secret-name-hyphen-six-characters", p, f"""
# Names ending in a hyphen plus exactly six characters look like a complete ARN suffix to Secrets
# Manager; FromSecretNameV2 grants (name-??????) then fail at run time (aws-cdk #27530, #18555).
error   line {ln(p, '`db-secret`')}  secret-name-ends-like-arn-suffix  `db-secret` ends in `-secret`
error   line {ln(p, 'api-google')}  secret-name-ends-like-arn-suffix  `shop/api-google` ends in `-google`
error   line {ln(p, 'stripe-apikey')}  secret-name-ends-like-arn-suffix  `shop/stripe-apikey` ends in `-apikey`
# `shop/payments/api-key` (line {ln(p, 'shop/payments/api-key')}) ends in `-key`: fine.
""")

p = plan(secrets=sec("shop/db/credentials", "Database login", "JSON: `{user:name, password}`"))
case("049-secret-json-field-with-colon", p, f"""
# A JSON field name containing `:` breaks ECS valueFrom (`<arn>:<field>::`).
error   line {ln(p, 'shop/db/credentials')}  invalid-secret-field  field `user:name` contains `:`
""")

p = plan(secrets=sec("shop/prod/db", "Slash form", "JSON: `{username, password}`") + sec("shop/prod--db", "Double-hyphen form", "JSON: `{username, password}`"))
case("050-construct-id-collision", p, """
# `shop/prod/db` and `shop/prod--db` are different secrets, but CDK turns `/` into `--` in construct
# ids, so naive ids collide ("There is already a Construct with name ...").
# No diagnostic: both names are valid.
generate: the generated app synthesizes; the two secrets get distinct construct ids
""")

# ---------------------------------------------------------------- resources
p = plan(resources="- **Quantum flux capacitor** `flux-1` — 1.21 gigawatts\n- **ElastiCache Redis** `cart-cache` — cache.t4g.small\n")
case("051-unknown-resources", p, f"""
# Items that are not resource kinds ArchPlan knows.
warning line {ln(p, 'flux-1')}  unknown-resource  "Quantum flux capacitor" is not a resource kind ArchPlan can generate
warning line {ln(p, 'cart-cache')}  unknown-resource  "ElastiCache Redis" is not a resource kind ArchPlan can generate
""")

p = plan(resources="- **Lambda Function** `class` — Node.js 20, 128 MB, timeout 3 s\n- **S3 Bucket** `namespace` — exports\n- **SQS Queue** `string` — jobs\n")
case("052-csharp-keyword-names", p, f"""
# Resource names that are C# keywords (`class`, `namespace`) or a type keyword (`string`).
# They are valid resource names: no diagnostic.
reads: resources `class` (line {ln(p, '`class`')}), `namespace` (line {ln(p, '`namespace`')}), `string` (line {ln(p, '`string`')})
generate: the generated C# compiles (identifiers escaped with @ or renamed) and synthesizes
""")

# ---------------------------------------------------------------- text that ends up in C#
weird = 'Says {{ product }} and {% raw %} then */ and "quotes" and C:\\path\\'
p = plan(env=row("CART_BANNER", weird.replace("|", "\\|"), '`{{ "hi" }}\\`', "No")
         + row("CART_NOTE", "Line\u2028separator, next\u2029paragraph, next\u0085line", "`a\u2028b`", "No"))
case("053-template-and-comment-delimiters", p, f"""
# Liquid delimiters, a C comment terminator, quotes, a trailing backslash, and U+2028/U+2029/U+0085
# (line terminators to the C# lexer, not to Markdown: the plan has no extra lines).
# No diagnostic: all of this is legal text.
reads: CART_BANNER (line {ln(p, 'CART_BANNER')}) value `{{{{ "hi" }}}}\\` exactly; description contains `{{{{ product }}}}` and `{{% raw %}}` literally
reads: CART_NOTE (line {ln(p, 'CART_NOTE')}) value "a<U+2028>b"
generate: values reach C# byte-exact through one escaper; nothing is evaluated as a template; no comment is closed early; the code compiles
""")

inj = "Cart table\u2028}\u2028public static class Injected { }\u2028//"
p = plan(env=row("CART_ARCHIVE", inj, "`on`", "No"))
case("054-doc-comment-injection", p, f"""
# A description carrying U+2028 then code. If descriptions go into /// comments split only on CR/LF,
# the C# lexer ends the comment at U+2028 and `class Injected` becomes real code.
# No diagnostic.
generate: the generated C# contains no type named Injected; it compiles
""")

p = plan(env=row("CART_LABEL", "Label \u202eevil\u202c shown to users", "`abc\u202edef`", "No"))
case("055-bidi-override", p, f"""
# U+202E RIGHT-TO-LEFT OVERRIDE in a description and in a value (Trojan Source).
warning line {ln(p, 'CART_LABEL')}  bidi-control-character  the row contains U+202E (invisible text direction control); one diagnostic per line is enough
""")

p = plan(env=row("CART_COLOR", "Colour \x1b[31mred\x1b[0m in a terminal", "`red`", "No"))
case("056-terminal-escape-in-description", p, f"""
# ESC (0x1B) control characters: printed raw they would recolour the user's terminal.
warning line {ln(p, 'CART_COLOR')}  control-character  the row contains a control character (U+001B)
output: diagnostics print the control characters escaped, never raw
""")

# ---------------------------------------------------------------- credentials
aws = "AKIA" + "Q2W3E4R5T6Y7U2I3"
assert re.fullmatch(r"AKIA[A-Z2-7]{16}", aws)
p = plan(env=row("AWS_KEY_ID_FOR_EXPORT", "Access key for the export job", f"`{aws}`", "Yes"))
case("057-credential-aws-access-key-id", p, f"""
# An AWS access key id pasted as an example value.
error   line {ln(p, 'AWS_KEY_ID_FOR_EXPORT')}  credential-in-example  the value looks like an AWS access key id; move it to the Secrets table (the message must not contain the key)
""")

pem_block = ("\n## Security Notes\n\nThe signing key we use in staging:\n\n```\n-----BEGIN RSA PRIVATE KEY-----\n"
             "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
             "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
             "-----END RSA PRIVATE KEY-----\n```\n")
pem_cell = "`-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY-----`"
p = plan(env=row("SIGNING_KEY", "Key that signs receipts", pem_cell, "Yes"), tail=pem_block)
case("058-credential-pem-private-key", p, f"""
# A PEM private key block in a code fence, and a one-line PEM key in a table cell.
error   line {ln(p, 'SIGNING_KEY')}  credential-in-example  the value is a private key; move it to the Secrets table
error   line {ln(p, '-----BEGIN RSA PRIVATE KEY-----')}  credential-in-plan  a private key block (lines {ln(p, '-----BEGIN RSA')}–{ln(p, '-----END RSA')}); remove it
""")

p = plan(env=row("DATABASE_URL", "Orders database", "`postgresql://app:S3cr3tPassw0rd@db.internal:5432/shop`", "Yes")
         + row("LEGACY_DB", "Old SQL Server", "`Server=sql01;Database=shop;User Id=app;Password=Hunter2Hunter2;`", "No"))
case("059-credential-connection-strings", p, f"""
# Passwords inside connection strings.
error   line {ln(p, 'DATABASE_URL')}  credential-in-example  the URL contains a password (scheme://user:pass@host)
error   line {ln(p, 'LEGACY_DB')}  credential-in-example  the connection string contains Password=
""")

ghp = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
assert len(ghp) == 40
stripe = "sk_live_" + "51Hc9xQ2eZvKYlo2C8aB7dE6"
jwt = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
       "eyJzdWIiOiJjYXJ0LWFwaSIsImlhdCI6MTcwMDAwMDAwMH0."
       "Qm9ndXNTaWduYXR1cmVGb3JUZXN0c09ubHkxMjM0NTY")
slack = "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
p = plan(env=row("GITHUB_TOKEN_FOR_RELEASES", "Release token", f"`{ghp}`", "No")
         + row("STRIPE_KEY", "Stripe key", f"`{stripe}`", "No")
         + row("SERVICE_JWT", "Token for the search service", f"`{jwt}`", "No")
         + row("SLACK_BOT_TOKEN", "Slack bot", f"`{slack}`", "No"))
case("060-credential-tokens", p, f"""
# Provider tokens pasted as examples.
error   line {ln(p, 'GITHUB_TOKEN_FOR_RELEASES')}  credential-in-example  GitHub token (ghp_…)
error   line {ln(p, 'STRIPE_KEY')}  credential-in-example  Stripe live secret key (sk_live_…)
error   line {ln(p, 'SERVICE_JWT')}  credential-in-example  JSON Web Token
error   line {ln(p, 'SLACK_BOT_TOKEN')}  credential-in-example  Slack token (xox…)
""")

awssecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz"
assert len(awssecret) == 40
p = plan(env=row("EXPORT_AWS_SECRET_ACCESS_KEY_VALUE", "aws secret key for the export bucket", f"`{awssecret}`", "No")
         + row("SMTP_SETTINGS", "Relay settings", "`host=smtp.example.com;password=Tr0ub4dor&3`", "No")
         + row("PARTNER_CONFIG", "Partner settings", "`api_key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0`", "No")
         + row("OAUTH_SETTINGS", "OAuth client", "`client_secret=Zx9kQ2vB7mN4pL8w`", "No"))
case("061-credential-keyword-led-values", p, f"""
# Secrets introduced by a keyword, and a 40-character AWS secret key next to "aws secret".
error   line {ln(p, 'EXPORT_AWS_SECRET')}  credential-in-example  40-character AWS secret access key
error   line {ln(p, 'SMTP_SETTINGS')}  credential-in-example  `password=` followed by a value
error   line {ln(p, 'PARTNER_CONFIG')}  credential-in-example  `api_key:` followed by a value
error   line {ln(p, 'OAUTH_SETTINGS')}  credential-in-example  `client_secret=` followed by a value
""")

p = plan(env=row("DOC_KEY_ID", "AWS's documentation key id", "`AKIAIOSFODNN7EXAMPLE`", "No")
         + row("DOC_SECRET_KEY", "aws secret key from the AWS docs", "`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`", "No")
         + row("MASKED_TOKEN", "Masked", "`XXXXXXXXXXXXXXXX`", "No")
         + row("DB_PASSWORD_HINT", "Where the password goes", "`<your-password>`", "No")
         + row("DB_PASSWORD_REF", "Reference expanded by the app", "`${DB_PASSWORD}`", "No")
         + row("DEFAULT_ADMIN_PASSWORD", "Replaced at first login", "`changeme`", "No")
         + row("TENANT_ID", "Tenant", "`3f2b8c1e-9d4a-4e6b-8f7a-2c1d0e9b8a76`", "No")
         + row("DATABASE_URL", "Shape of the URL", "`postgresql://user:<password>@host/db`", "No")
         + row("CACHE_URL", "Shortened", "`redis://...`", "No")
         + row("SIGNING_SECRET_HINT", "Template", "`{secret}`", "No"))
case("062-credential-placeholders-not-flagged", p, f"""
# Placeholders that look like credentials but are not. None may be flagged.
# No diagnostics at all (no error, no warning) — in particular no credential-in-example on lines
# {ln(p, 'DOC_KEY_ID')}–{ln(p, 'SIGNING_SECRET_HINT')}.
not: credential-in-example line {ln(p, 'DOC_KEY_ID')}  AKIAIOSFODNN7EXAMPLE ends in EXAMPLE (AWS's documentation key)
not: credential-in-example line {ln(p, 'DOC_SECRET_KEY')}  ends in EXAMPLEKEY
not: credential-in-example line {ln(p, 'MASKED_TOKEN')}  XXXX… mask
not: credential-in-example line {ln(p, 'DB_PASSWORD_HINT')}  <your-password>
not: credential-in-example line {ln(p, 'DB_PASSWORD_REF')}  ${{DB_PASSWORD}} reference (emitted literally; Lambda does not expand it)
not: credential-in-example line {ln(p, 'DEFAULT_ADMIN_PASSWORD')}  changeme
not: credential-in-example line {ln(p, 'TENANT_ID')}  a UUID
not: credential-in-example line {ln(p, '`postgresql://user:<password>')}  password is a placeholder
not: credential-in-example line {ln(p, 'CACHE_URL')}  `...`
not: credential-in-example line {ln(p, 'SIGNING_SECRET_HINT')}  {{secret}}
""")

p = plan(overview=" and uses \u0000 a NUL in the middle of the text")
nul_line = ln(p, b"\x00")
case("063-nul-byte-in-text", p, f"""
# One NUL byte inside an otherwise normal plan (line {nul_line}).
error   line 0  binary-file  the file contains NUL bytes
""")

# ---------------------------------------------------------------- misc plausible mistakes
fm = FRONT.replace("product: shop", "product: Game Hub")
p = plan(front=fm)
case("064-product-not-a-slug", p, f"""
# Upper case and a space.
error   line {ln(p, 'product:')}  invalid-product  `Game Hub` is not a product slug (did you mean `game-hub`?)
""")

p = plan(resources="- **Lambda Function** `cart-api` — Node.js 20, 512 MB, timeout 30 s\n")
case("065-duplicate-resource-name", p, f"""
# The same resource name twice.
error   line {ln(p, '`cart-api`', 2)}  duplicate-resource  `cart-api` is already declared on line {ln(p, '`cart-api`')}
""")

p = plan(resources="- **Lambda Function** `cart-sweeper` — Node.js 20, 20000 MB, timeout 20 min\n")
case("066-lambda-limits-exceeded", p, f"""
# Memory above 10,240 MB and timeout above 15 minutes.
error   line {ln(p, 'cart-sweeper')}  invalid-resource-setting  memory 20000 MB exceeds Lambda's 10,240 MB
error   line {ln(p, 'cart-sweeper')}  invalid-resource-setting  timeout 20 min exceeds Lambda's 15 minutes
""")

p = plan(resources="- **Fargate Service** `cart-worker` — 1000 CPU / 3000 MB, image from ECR repository `cart-worker`\n")
case("067-fargate-invalid-cpu-memory", p, f"""
# Fargate accepts only fixed CPU/memory pairs (256, 512, 1024, 2048, 4096, … CPU).
error   line {ln(p, 'cart-worker')}  invalid-resource-setting  1000 CPU / 3000 MB is not a Fargate CPU/memory combination
""")

p = plan(resources="- **EventBridge Rule** `cart-cleanup` — every blue moon, triggers `cart-api`\n- **EventBridge Rule** `cart-report` — `cron(0 25 * * ? *)`, triggers `cart-api`\n")
case("068-unreadable-schedules", p, f"""
# A schedule in words ArchPlan cannot read, and a cron expression with hour 25.
error   line {ln(p, 'cart-cleanup')}  invalid-schedule  "every blue moon" is not a schedule ArchPlan understands (write rate(...) or cron(...))
error   line {ln(p, 'cart-report')}  invalid-schedule  `cron(0 25 * * ? *)`: hour must be 0–23
""")

# ---------------------------------------------------------------- write everything
def main():
    if os.path.isdir(OUT):
        for entry in os.listdir(OUT):
            path = os.path.join(OUT, entry)
            if os.path.isdir(path) and re.match(r"\d{3}-", entry):
                shutil.rmtree(path)
    os.makedirs(OUT, exist_ok=True)
    names = set()
    for name, file, data, expect in CASES:
        assert name not in names, name
        names.add(name)
        folder = os.path.join(OUT, name)
        os.makedirs(folder)
        if data is not None:
            assert len(data) < 1_000_000, (name, len(data))
            with open(os.path.join(folder, file), "wb") as f:
                f.write(data)
        with open(os.path.join(folder, "expect.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(expect)
    readme = os.path.join(OUT, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            head = f.read().split("## Cases")[0]
        table = "## Cases\n\n| Case | What it is |\n| ---- | ---------- |\n"
        for name, _, _, expect in CASES:
            first = expect.splitlines()[0].lstrip("# ").replace("|", "\\|")
            table += f"| `{name}` | {first} |\n"
        with open(readme, "w", encoding="utf-8", newline="\n") as f:
            f.write(head + table)
    print(f"{len(CASES)} cases written to {OUT}")


if __name__ == "__main__":
    main()
