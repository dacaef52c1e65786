export const mainHelp = `Usage: thresholds <command> [options]

Commands:
  check [paths...]   Check frameworks and report problems (default path: sources/)
  build [paths...]   Check, then write generated/ (nothing is written if there is an error)
  ids [paths...]     Show derived ids; with --write, pin them into the sources as {#id}
  diff <old> <new>   Report what changed between two versions (git refs, folders or framework.json)
  changelog <id>     A framework's history: each version found in git compared with the one before
  site [paths...]    Check, then write the website to generated/site (nothing if there is an error)
  dev [paths...]     Preview the website while you edit: re-checks and reloads on every save
  new <id>           Create sources/<id>/ with every file of a framework, ready to fill in

Options:
  -h, --help         Show help for a command, e.g. thresholds check --help
  -v, --version      Show the version

Exit codes: 0 clean, 1 content errors, 2 usage or internal failure.
Docs: docs/authoring.md (writing content), docs/rules.md (every rule).
`

export const checkHelp = `Usage: thresholds check [paths...] [options]

Reads each framework (a folder under sources/, a folder of frameworks, or any file inside one),
checks it against the schema and every rule, and reports problems with file:line:column.
Also an error: a framework version lower than the package built in generated/ records (as build says).

Options:
  --format <name>         How to report (default text):
                            text    for people, on stderr: each problem with its source line,
                                    a caret under the place, a suggestion and the docs link
                            json    the report as JSON, on stdout
                            github  GitHub Actions annotations (::error file=...), on stdout
                            sarif   a SARIF 2.1.0 log for code scanning, on stdout
                            junit   JUnit XML for CI test reports, on stdout
                            markdown  every finding as a Markdown table (a CI job summary), on stdout
  --quiet                 Report errors only (warnings are still counted)
  --max-warnings <n>      Fail (exit 1) when there are more than n warnings
  --changed-since <ref>   Report only the files changed since a git revision (committed, staged,
                          edited or new); every framework is still read and checked, so each
                          changed file gets exactly the messages of the full check
  --online                Also check that every web address answers (see below)
  --no-cache              Read and check every framework, without the content cache
                          (node_modules/.cache/thresholds; unchanged frameworks come from it)
  -h, --help              Show this help

Online options (with --online):
  --online-cache <file>     Cache file, safe to delete (default node_modules/.cache/thresholds/links.json)
  --online-max-age <hours>  Reuse a working address's result up to this age (default 24; 0 asks again)
  --online-timeout <secs>   Time limit per request (default 10)
  --online-deadline <secs>  Time limit for all addresses together, retries included (default 120);
                            addresses not checked by then are listed as warnings
  --online-allow-private    Also request addresses on this machine, a private or a link-local
                            network (127.0.0.0/8, 10/8, 172.16/12, 192.168/16, 100.64/10,
                            169.254/16, ::1, fc00::/7, fe80::/10 and the like), which are
                            otherwise skipped and listed as warnings

With --online, every http(s) address in links.md and in the text is requested (HEAD, or GET
when HEAD is refused; 8 at a time; 5xx, 429, time-outs and failed connections tried up to 3 times).
Broken addresses are errors (link-reachable), permanent redirects warnings (link-redirected).
4xx answers are cached for at most an hour; other failures are not cached. The addresses a name
resolves to are checked before connecting, and again after each redirect.

Colour only when stderr is a terminal; NO_COLOR turns it off, FORCE_COLOR on.

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or internal failure.
`

export const buildHelp = `Usage: thresholds build [paths...] [options]

Checks the frameworks, then writes the package under generated/: per framework its
framework.json and typed module (.ts, and .js, .cjs, .d.ts, .d.cts for ESM and CommonJS),
and package.json, index, model types, JSON Schema and README around them. If any error is found nothing under generated/ changes. Output is byte-identical for the same sources.
The version of @thresholds/frameworks is counted from the one in generated/package.json: the same
frameworks at the same versions keep it; otherwise it goes up by the largest step (a framework
removed or its MAJOR raised: MAJOR; added or MINOR raised: MINOR; PATCH: PATCH). An empty output
folder starts at 1.0.0. A framework whose version is lower than generated/package.json records is an error.

Options:
  --out <dir>        Output folder (default generated)
  --check            Write nothing; exit 1 and list the files that differ from what the sources give
  --base <revision>  With --check: also an error when the package version is lower than the release
                     committed at <revision> needs for the frameworks now (the content workflow)
  --format <name>    How to report the check: text (default), json, github, sarif, junit or markdown,
                     as for thresholds check; every format but text is always printed, on stdout
  --quiet            Report errors only
  --online           Also check that every web address answers, as in thresholds check --online
                     (with --online-cache, --online-max-age, --online-timeout,
                     --online-deadline, --online-allow-private)
  --max-warnings <n> Write nothing and exit 1 when there are more than n warnings
  --no-cache         Read, check and generate everything, without the content cache
                     (--check never uses it: it compares every generated byte)
  -h, --help         Show this help

Exit codes: 0 written (or up to date), 1 errors found, too many warnings, or --check found
differences, 2 usage or internal failure.
`

export const idsHelp = `Usage: thresholds ids [paths...] [--write]

Lists every id that Thresholds derived from words (rather than one written as {#id}).
Derived ids change when the words change; pin them before publishing so apps and the change
report can follow an indicator through rewording.

Options:
  --write            Write each derived id into its source line as {#id}
  -h, --help         Show this help
`

export const diffHelp = `Usage: thresholds diff <old> <new> [options]
       thresholds diff --base <ref> [new]

Reports what changed between two versions of a framework, and which changes affect practice
(an indicator moved level, a phone number changed), which need a person to look (reworded, and
the meaning may have changed) and which are wording only. Each side is a git ref
of this repository (its sources/ read from git, no checkout needed), a folder of sources, or a
generated framework.json. Both sides are checked first; a side with errors is not compared.

Options:
  --base <ref>           Compare sources/ in the working tree (or [new]) with this ref, e.g. main;
                         in a fresh clone origin/<ref> is used when <ref> is not a local branch
  --framework <id>       Compare only this framework
  --all                  Also show the frameworks that did not change (left out by default, named
                         in one line)
  --format <name>        markdown (default, for a pull-request comment), json (schema/diff.schema.json) or html
  --fail-on <kinds>      Exit 1 when any change of these kinds is found: practice, review (review
                         and practice: anything a person should look at), editorial,
                         version-not-raised, or change kind ids (docs/changes.md), comma-separated
  -h, --help             Show this help

Exit codes: 0 compared, 1 a --fail-on kind was found, 2 usage error, a bad ref or a side that does not load.
`

export const changelogHelp = `Usage: thresholds changelog <framework>

Prints, as Markdown, the history of a framework: every commit where the version in its
framework.md changed (and every tagged commit), newest first, each compared with the version
before it as thresholds diff would, listing the changes that affect practice and those a
person should review, and counting the editorial ones.

Options:
  -h, --help    Show this help

Exit codes: 0 printed, 2 usage error, not a git repository, or no version of the framework found.
`

export const siteHelp = `Usage: thresholds site [paths...] [options]

Checks the frameworks, then writes a static website for them to generated/site/: a home page,
and per framework its levels (what to do, contacts, consent), domains and indicators, a page to
find an indicator, the decision-making matrix, contacts, links and narrative pages. It needs no
server: open generated/site/index.html, or publish the folder as it is. If any error is found
nothing is written. The same sources always give the same files.

Options:
  --out <dir>        Output folder (default generated/site)
  --format <name>    How to report the check: text (default), json, github, sarif, junit or markdown
  --quiet            Report errors only
  --max-warnings <n> Write nothing and exit 1 when there are more than n warnings
  --no-cache         Read and check every framework, without the content cache
  -h, --help         Show this help

Preview while you edit, with reload on every save: thresholds dev

Exit codes: 0 written (or up to date), 1 errors found or too many warnings, 2 usage or internal failure.
`

export const devHelp = `Usage: thresholds dev [paths...] [options]

Preview while you edit. Checks the frameworks, builds the website (as thresholds site does) and
serves it on this computer only. Then, each time you save a file, it checks again what the change
affects, prints the problems, rebuilds the pages and reloads them in the browser. While there are
errors the preview keeps the last version without errors and says so at the top of the page.

Options:
  --port <n>         Port to serve on (default 4173; 0 picks a free one)
  --host <address>   Address to serve on (default 127.0.0.1, this computer only)
  --out <dir>        Where the site is also written (default generated/site)
  -h, --help         Show this help

Stop it with Ctrl-C.

Exit codes: 0 stopped, 2 usage error (for example the port is taken) or internal failure.
`

export const newHelp = `Usage: thresholds new <framework-id> [--sources <dir>]

Creates sources/<framework-id>/ with every file a framework has: framework.md, a level file per
level, two domain files, contacts.md, links.md, matrix.md, a narrative page and rules.yaml.
Each file explains itself in comments, and every place that needs the framework's own words
says “TODO: …”; thresholds check lists each one (content-placeholder) until it is filled in.

The id is the folder name and part of every web address of the framework: lower-case letters,
digits and single hyphens, such as “west-midshire”. An existing folder is never touched.

Options:
  --sources <dir>    Where frameworks live (default sources)
  -h, --help         Show this help

Next: edit the files (docs/authoring.md explains each one), then thresholds check, or
thresholds dev to see the website change as you save.

Exit codes: 0 created, 2 usage error (bad id, folder exists) or internal failure.
`
