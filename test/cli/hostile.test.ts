/**
 * Hostile input, end to end: each case damages a copy of the minimal framework one way, runs
 * `thresholds build` as a separate process and asserts five things:
 *
 * 1. the exit code: 1 for content problems, 2 for a usage problem (a folder that is not there);
 * 2. the diagnostic names the file and the line:column (for exit 2, one plain line naming the path);
 * 3. no stack trace on stdout or stderr (no “    at ...” frames, no “Error:” lines, no “failed
 *    unexpectedly”);
 * 4. it ends: the process is killed after HANG_MS (far above any real run) and the test then fails;
 * 5. generated/ is byte-identical afterwards: it starts with a real build's output plus files a
 *    build would remove or keep, and its hash is compared before and after.
 *
 * Every process also loads prototype-guard.mjs, which fails the run (exit 99) if anything changed
 * Object.prototype, so each case also proves the process was not polluted.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, lstatSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateFiles } from '../../scripts/generate/index.ts'
import { writeOutput } from '../../scripts/generate/writer.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { bin, frameworkWith, isRoot, messageLines, NOBODY, parser, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const guard = path.join(repoRoot, 'test/cli/prototype-guard.mjs')
/**
 * Hang guard: a run takes one to three seconds on an idle machine, most of it starting TypeScript.
 * The guard is for runs that never end, so it is far above that: a busy machine (two copies of
 * the suite at once on two cores) must not look like a hang.
 */

interface Run {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

function thresholds(args: string[], cwd: string, options: { asOtherUser?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', guard, bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', THRESHOLDS_DEBUG: '', ...options.env },
      timeout: HANG_MS,
      killSignal: 'SIGKILL',
      ...(options.asOtherUser && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }))
  })
}

/** One hash for a whole folder: every path, kind and byte. */
function hashTree(dir: string): string {
  const hash = createHash('sha256')
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name)
      const stats = lstatSync(full)
      hash.update(`${prefix}${name}\0${stats.isDirectory() ? 'dir' : 'file'}\0`)
      if (stats.isDirectory()) walk(full, `${prefix}${name}/`)
      else hash.update(readFileSync(full))
    }
  }
  walk(dir, '')
  return hash.digest('hex')
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Case {
  name: string
  /** Damages the framework folder `dir` (inside `root`, the working directory). */
  setup(dir: string, root: string): void
  /** Default `build`. */
  args?: string[]
  /** Exit 1 (default): the file as shown, where, and the start of the message. */
  file?: string
  at?: string
  message: RegExp
  /** Exit 2: a usage problem, reported as one plain line. */
  usage?: boolean
  asOtherUser?: boolean
  /** Environment for this run only (the parse budget, for the cases that must use it up). */
  env?: Record<string, string>
  /** Further lines the report must hold, each from its start. */
  alsoReports?: RegExp[]
}

const minimal = 'sources/minimal'
const write = (file: string, content: string | Buffer) => writeFileSync(file, content)

const cases: Case[] = [
  {
    name: 'malformed YAML',
    setup: (dir) => write(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: [Health\n---\n'),
    file: `${minimal}/domains/01-health.md`,
    at: '3:15',
    message: /The front-matter cannot be read here \(Flow sequence in block collection must be sufficiently indented and end with a \]\)/,
  },
  {
    name: 'tabs in YAML',
    setup: (dir) => write(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle:\n\tHealth\n---\n'),
    file: `${minimal}/domains/01-health.md`,
    at: '4:1',
    message: /A tab is used to indent the front-matter, expected spaces/,
  },
  {
    name: 'duplicate YAML keys',
    setup: (dir) => write(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: Health\ntitle: Again\n---\n'),
    file: `${minimal}/domains/01-health.md`,
    at: '4:1',
    message: /The setting “title” is written twice, expected each setting once/,
  },
  {
    name: 'a YAML tag that gives bytes instead of text',
    setup: (dir) => write(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: !!binary SGVhbHRo\n---\n'),
    file: `${minimal}/domains/01-health.md`,
    at: '3:8',
    message: /The front-matter uses the YAML tag “!!binary”, which is not allowed: remove the tag \(and put the value in quotes if it must stay text\)/,
  },
  {
    name: 'a YAML alias bomb (“billion laughs”)',
    setup: (dir) => {
      const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(',')}]`)
      write(path.join(dir, 'domains/01-health.md'), `---\nl0: &l0 "lol"\n${levels.join('\n')}\nid: health\ntitle: *l9\n---\n`)
    },
    file: `${minimal}/domains/01-health.md`,
    at: '3:10',
    message: /The front-matter uses a YAML alias \(“\*name”\), which is not allowed: write the value out in full/,
  },
  {
    name: '__proto__, constructor and prototype keys',
    setup: (dir) => write(path.join(dir, 'domains/01-health.md'), '---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nprototype: y\nid: health\ntitle: Health\n---\n'),
    file: `${minimal}/domains/01-health.md`,
    at: '2:1',
    message: /Unknown setting “__proto__”, expected one of “id”, “title”, “parent”/,
  },
  {
    name: 'a UTF-8 byte-order mark (positions still right)',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, `\uFEFF${readFileSync(file, 'utf8').replace('(#front-door)', '(#front-dor)')}`)
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '15:3',
    message: /The link “Front door” points to “#front-dor”/,
  },
  {
    name: 'CRLF line endings (positions still right)',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('rank: 1', 'rank: one').replace(/\n/g, '\r\n'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '4:7',
    message: /“rank” is “one”, expected a whole number/,
  },
  {
    name: 'invalid UTF-8 bytes',
    setup: (dir) => write(path.join(dir, 'links.md'), Buffer.concat([Buffer.from('# Links\n\nbad '), Buffer.from([0xc3, 0x28])])),
    file: `${minimal}/links.md`,
    at: '3:5',
    message: /“links\.md” is not valid UTF-8 text, expected the file to be saved as UTF-8/,
  },
  {
    name: 'a binary file with a .md name',
    setup: (dir) => write(path.join(dir, 'contacts.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x10])),
    file: `${minimal}/contacts.md`,
    at: '2:1',
    message: /“contacts\.md” is a binary file \(it contains a NUL byte\), expected plain text/,
  },
  {
    name: 'a control character (a terminal escape) in the text',
    setup: (dir) => write(path.join(dir, 'links.md'), '# Links\n\nSee \u001b]0;owned\u0007 here\n'),
    file: `${minimal}/links.md`,
    at: '3:5',
    message: /“links\.md” contains the control character U\+001B, expected plain text/,
  },
  {
    name: 'an empty file',
    setup: (dir) => write(path.join(dir, 'levels/01-early-help.md'), ''),
    file: `${minimal}/levels/01-early-help.md`,
    at: '1:1',
    message: /This level file has no front-matter/,
  },
  {
    name: 'a 20 MB file',
    setup: (dir) => write(path.join(dir, 'links.md'), 'word '.repeat(4_200_000)),
    file: `${minimal}/links.md`,
    at: '1:1',
    message: /“links\.md” is 20\.0 MB, expected at most 2 MB: split it into smaller files/,
  },
  {
    name: 'lists nested 10,000 deep',
    setup: (dir) => write(path.join(dir, 'links.md'), `# Links\n\n${'- '.repeat(10_000)}x\n`),
    file: `${minimal}/links.md`,
    at: '3:1',
    message: /Lists or quotes are nested too deeply here, expected at most 100 levels/,
  },
  {
    name: 'lists nested 150 deep by indentation, one level per line',
    setup: (dir) => write(path.join(dir, 'links.md'), `# Links\n\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`),
    file: `${minimal}/links.md`,
    at: '104:1',
    message: /Lists or quotes are nested too deeply here/,
  },
  {
    // framework.md is parsed first, so whatever the machine's load, it is the file the budget
    // stops: it would need over a minute; the budget is 2 s, for every file of the run together.
    name: 'a file the Markdown parser reads slowly (16,000 headings underlined with “-”, 64 kB), with a 2 s parse budget',
    setup: (dir) => write(path.join(dir, 'framework.md'), `${readFileSync(path.join(dir, 'framework.md'), 'utf8')}\n${'a\n-\n'.repeat(16_000)}`),
    env: { THRESHOLDS_PARSE_SECONDS: '2' },
    file: `${minimal}/framework.md`,
    at: '1:1',
    message: /The file cannot be read as Markdown within the run's limits \(parsing may take 2 s for all files of the run and 1024 MB\): it is too large, or holds a pattern the parser reads slowly/,
    alsoReports: [/^sources\/minimal\/levels\/01-early-help\.md:1:1 error The file was not read: the run's parse budget \(2 s\) was used up before its turn, expected every file to be read within it: fix the file reported as too slow to read, or raise THRESHOLDS_PARSE_SECONDS \[parse-failed\]$/m],
  },
  {
    // On two parse workers framework.md is taken first, by one worker; the other reads the rest.
    name: 'on two parse workers, a file the Markdown parser reads slowly, with a 2 s parse budget',
    setup: (dir) => write(path.join(dir, 'framework.md'), `${readFileSync(path.join(dir, 'framework.md'), 'utf8')}\n${'a\n-\n'.repeat(16_000)}`),
    env: { THRESHOLDS_PARSE_SECONDS: '2', THRESHOLDS_WORKERS: '2' },
    file: `${minimal}/framework.md`,
    at: '1:1',
    message: /The file cannot be read as Markdown within the run's limits \(parsing may take 2 s for all files of the run and 1024 MB\): it is too large, or holds a pattern the parser reads slowly/,
  },
  {
    // Three slow files used to take the per-file limit three times over: the budget is the run's.
    name: 'three files the Markdown parser reads slowly share one parse budget: the first uses it up, the others are not read',
    setup: (dir) => {
      for (const file of ['framework.md', 'contacts.md', 'links.md']) write(path.join(dir, file), `${readFileSync(path.join(dir, file), 'utf8')}\n${'a\n-\n'.repeat(16_000)}`)
    },
    env: { THRESHOLDS_PARSE_SECONDS: '2' },
    file: `${minimal}/framework.md`,
    at: '1:1',
    message: /The file cannot be read as Markdown within the run's limits \(parsing may take 2 s for all files of the run and 1024 MB\)/,
    alsoReports: [
      /^sources\/minimal\/contacts\.md:1:1 error The file was not read: the run's parse budget \(2 s\) was used up before its turn/m,
      /^sources\/minimal\/links\.md:1:1 error The file was not read: the run's parse budget \(2 s\) was used up before its turn/m,
    ],
  },
  {
    // Suggestions come from an index: 3,000 broken links against 3,000 ids once meant 9,000,000
    // comparisons (10,000 of each took 49 s). test/shared/suggestions.test.ts holds the bound.
    name: '1,000 broken links among 1,000 ids, each with its own suggestion',
    setup: (dir) => {
      const n = Array.from({ length: 1_000 }, (_, i) => i + 1)
      write(path.join(dir, 'links.md'), `---\ntitle: Links\n---\n\n${n.map((i) => `- [Service ${i}](https://example.org/s/${i}) {#service-${i}}`).join('\n')}\n`)
      const level = path.join(dir, 'levels/01-early-help.md')
      write(level, readFileSync(level, 'utf8').replace('- Talk to the family.', n.map((i) => `- Talk to [service ${i}](#servce-${i}).`).join('\n')))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '11:11',
    message: /The link “service 1” points to “#servce-1”, which is neither an id in this framework nor a heading in this file \[link-resolves\]/,
    alsoReports: [/^sources\/minimal\/levels\/01-early-help\.md:1010:11 error The link “service 1000” points to “#servce-1000”, which is neither an id in this framework nor a heading in this file \[link-resolves\]$/m, /^ {2}did you mean “#service-1000”\?$/m],
  },
  {
    name: 'a parse budget that is not a number',
    setup: () => undefined,
    env: { THRESHOLDS_PARSE_SECONDS: 'ten' },
    usage: true,
    message: /^THRESHOLDS_PARSE_SECONDS expects a number of seconds \(at least 0\), got “ten”\n$/,
  },
  {
    name: 'a symlink pointing outside sources/',
    setup: (dir) => symlinkSync('/etc/hostname', path.join(dir, 'matrix.md')),
    file: `${minimal}/matrix.md`,
    at: '1:1',
    message: /“matrix\.md” is a symbolic link to a file outside sources\//,
  },
  {
    name: 'a folder symlink pointing outside sources/',
    setup: (dir) => {
      rmSync(path.join(dir, 'domains'), { recursive: true })
      symlinkSync('/etc', path.join(dir, 'domains'))
    },
    file: `${minimal}/domains/`,
    at: '1:1',
    message: /The folder “domains\/” cannot be read: it is a symbolic link to a folder outside sources\//,
  },
  {
    name: 'a symlink loop',
    setup: (dir) => symlinkSync('matrix.md', path.join(dir, 'matrix.md')),
    file: `${minimal}/matrix.md`,
    at: '1:1',
    message: /“matrix\.md” is a symbolic link that points back at itself/,
  },
  {
    name: 'a named pipe (FIFO) called contacts.md',
    setup: (dir) => {
      unlinkSync(path.join(dir, 'contacts.md'))
      const made = spawnSync('mkfifo', [path.join(dir, 'contacts.md')])
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`)
    },
    file: `${minimal}/contacts.md`,
    at: '1:1',
    message: /“contacts\.md” is not a regular file, expected a text file/,
  },
  {
    name: 'a folder named like a source file',
    setup: (dir) => mkdirSync(path.join(dir, 'levels/03-extra.md')),
    file: `${minimal}/levels/03-extra.md`,
    at: '1:1',
    message: /“levels\/03-extra\.md” is not a regular file, expected a text file/,
  },
  {
    name: 'an unreadable file',
    setup: (dir) => chmodSync(path.join(dir, 'contacts.md'), 0o000),
    asOtherUser: true,
    file: `${minimal}/contacts.md`,
    at: '1:1',
    message: /“contacts\.md” cannot be read: permission denied/,
  },
  {
    name: 'an unreadable levels/ folder',
    setup: (dir) => chmodSync(path.join(dir, 'levels'), 0o000),
    asOtherUser: true,
    file: `${minimal}/levels/`,
    at: '1:1',
    message: /The folder “levels\/” cannot be read: permission denied/,
  },
  {
    name: 'an unreadable sources/ folder',
    setup: (_dir, root) => chmodSync(path.join(root, 'sources'), 0o000),
    asOtherUser: true,
    usage: true,
    message: /^“sources” cannot be read: permission denied, expected a framework folder such as sources\/shropshire\n$/,
  },
  {
    name: 'a missing framework folder',
    setup: () => undefined,
    args: ['build', 'sources/nope'],
    usage: true,
    message: /^“sources\/nope” does not exist, expected a framework folder such as sources\/shropshire\n$/,
  },
  {
    name: 'a framework folder without framework.md',
    setup: (dir) => unlinkSync(path.join(dir, 'framework.md')),
    file: `${minimal}/framework.md`,
    at: '1:1',
    message: /The framework folder “minimal” has no framework\.md, expected one with the framework's title, version and dates/,
  },
  {
    name: 'raw HTML and a javascript: link',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('Support as soon', '<script>alert(1)</script>\n\n[Help](javascript:alert(1)) as soon'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '7:1',
    message: /Raw HTML \(“<script>alert\(1\)<\/script>”\) is not allowed/,
  },
  {
    name: 'a link reference definition with a javascript: address',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('Support as soon', 'See [the form][r].\n\n[r]: javascript:alert(1)\n\nSupport as soon'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '9:1',
    message: /The link definition “\[r\]” uses “javascript:”, which apps must not open/,
  },
  {
    name: 'an image whose address spells javascript: with an entity',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('Support as soon', 'See ![logo](&#106;avascript:alert(1)). Support as soon'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '7:5',
    message: /The image “logo” uses “javascript:”, which apps must not open/,
  },
  {
    name: 'a reference link to an id that does not exist',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('Support as soon', 'See [the door][d].\n\n[d]: #front-dor\n\nSupport as soon'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '9:1',
    message: /The link definition “\[d\]” points to “#front-dor”, which is neither an id in this framework nor a heading in this file \[link-resolves\]/,
  },
  {
    name: 'a link whose words show one phone number and dial another',
    setup: (dir) => {
      const file = path.join(dir, 'levels/01-early-help.md')
      write(file, readFileSync(file, 'utf8').replace('Support as soon', 'Call [0121 788 4300](tel:+449098790000). Support as soon'))
    },
    file: `${minimal}/levels/01-early-help.md`,
    at: '7:6',
    message: /The link's words “0121 788 4300” are a phone number, but the link dials “\+449098790000”, expected the link to go to the number its words show/,
  },
  {
    name: 'a suppression written as a Markdown heading, above a real error',
    setup: (dir) => {
      const file = path.join(dir, 'framework.md')
      write(file, readFileSync(file, 'utf8').replace('A small framework used by the tests.', 'A small framework used by the tests.\n\n# thresholds-ignore-next-line link-resolves: the page comes later\n\nSee [the page](#nowhere).'))
    },
    file: `${minimal}/framework.md`,
    at: '17:5',
    message: /The link “the page” points to “#nowhere”, which is neither an id in this framework nor a heading in this file/,
  },
]

describe('hostile input', () => {
  const roots: string[] = []
  let generated = ''
  let generatedHash = ''

  beforeAll(async () => {
    // generated/ as a real build leaves it, plus a folder build keeps and a file it would remove.
    const { root, dir } = frameworkWith()
    roots.push(root)
    generated = path.join(root, 'generated')
    writeOutput(generated, await generateFiles(loadFrameworks([dir], { parser })))
    mkdirSync(path.join(generated, 'site'))
    writeFileSync(path.join(generated, 'site/index.html'), '<p>kept</p>\n')
    writeFileSync(path.join(generated, 'stale.json'), '{}\n')
    generatedHash = hashTree(generated)
  })

  afterAll(() => {
    for (const root of roots) {
      spawnSync('chmod', ['-R', 'u+rwx', root])
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('the prototype guard notices a polluted Object.prototype', () => {
    const result = spawnSync(process.execPath, ['--import', guard, '-e', 'Object.prototype.polluted = true'], { encoding: 'utf8' })
    expect(result.status).toBe(99)
    expect(result.stderr).toMatch(/^Object\.prototype was changed: .*polluted/)
  })

  it.concurrent.for(cases)('$name: the exit code, a positioned (or for exit 2, plain) message, no stack trace, bounded time, generated/ untouched', async (item, { expect }) => {
    const { root, dir } = frameworkWith()
    roots.push(root)
    cpSync(generated, path.join(root, 'generated'), { recursive: true })
    if (item.asOtherUser && isRoot) {
      // The other user must be able to reach everything except what the case takes away.
      chmodSync(root, 0o755)
    }
    item.setup(dir, root)

    const result = await thresholds(item.args ?? ['build'], root, { asOtherUser: item.asOtherUser, env: item.env })
    const output = result.stdout + result.stderr

    expect(result.signal, `killed after ${HANG_MS / 1000} s:\n${output}`).toBeNull()
    expect(output).not.toMatch(/^\s+at\s/m)
    expect(output).not.toMatch(/\b[A-Za-z]*Error\b:|failed unexpectedly|Object\.prototype was changed/)
    if (item.usage) {
      expect(result.status, output).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(item.message)
    } else {
      expect(result.status, output).toBe(1)
      // Each problem's first line: file:line:column severity message [rule].
      expect(result.stderr).toMatch(new RegExp(`^${escape(item.file ?? '')}:${escape(item.at ?? '')} error ${item.message.source}`, 'm'))
      for (const line of item.alsoReports ?? []) expect(result.stderr).toMatch(line)
      expect(result.stderr).toMatch(/Nothing was written to generated\/: fix the \d+ errors? above first\.\n$/)
    }
    expect(hashTree(path.join(root, 'generated'))).toBe(generatedHash)
  })

  it('leaves Object.prototype alone when reading __proto__, constructor and prototype keys in-process too', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\n__proto__:\n  polluted: yes\nconstructor: x\nprototype: y\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Item {#x constructor=z prototype=y}\n')
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const lines = messageLines(dir).filter((line) => line.includes('frontmatter-schema') || line.includes('invalid-attributes'))
    expect(lines).toEqual([
      'domains/01-health.md:2:1 error Unknown setting “__proto__”, expected one of “id”, “title”, “parent”, “titleAtLevel” [frontmatter-schema]',
      'domains/01-health.md:4:1 error Unknown setting “constructor”, expected one of “id”, “title”, “parent”, “titleAtLevel” [frontmatter-schema]',
      'domains/01-health.md:5:1 error Unknown setting “prototype”, expected one of “id”, “title”, “parent”, “titleAtLevel” [frontmatter-schema]',
      'domains/01-health.md:12:8 error Unknown setting “constructor” in “{...}”, expected one of “age”, “tags”, “related”, “polarity” [invalid-attributes]',
      'domains/01-health.md:12:8 error Unknown setting “prototype” in “{...}”, expected one of “age”, “tags”, “related”, “polarity” [invalid-attributes]',
    ])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
