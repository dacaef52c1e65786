import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesUnder, repoRoot, TEST_TODAY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const guide = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8')

type Step = { kind: 'commands'; lines: string[] } | { kind: 'file'; file: string; text: string } | { kind: 'fill-todos' }

/**
 * The steps of “Add a new framework”, read from the guide itself: code blocks marked
 * test="new-framework" (commands to type, or a file as the guide shows it), and the
 * `<!-- test: fill-todos -->` note where the guide says to replace every TODO.
 */
function guideSteps(name: string): Step[] {
  const steps: Step[] = []
  const pattern = /^( *)```(\w+) test="([^"]+)"(?: file="([^"]+)")?\n([\s\S]*?)^\1```$|<!-- test: ([a-z-]+) -->/gm
  for (const match of guide.matchAll(pattern)) {
    if (match[6]) {
      if (match[6] === 'fill-todos') steps.push({ kind: 'fill-todos' })
      continue
    }
    if (match[3] !== name) continue
    const indent = match[1] ?? ''
    const body = (match[5] ?? '').split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n')
    if (match[4]) steps.push({ kind: 'file', file: match[4], text: body })
    else steps.push({ kind: 'commands', lines: body.split('\n').filter((line) => line.trim()) })
  }
  return steps
}

/** What an editor does at “replace every TODO: … with your framework's words”, with made-up words. */
function fillTodos(dir: string): number {
  let n = 0
  for (const file of filesUnder(dir)) {
    const full = path.join(dir, file)
    const text = readFileSync(full, 'utf8')
    // Only text outside comments: notes to editors may say TODO, the framework may not.
    const filled = text
      .split(/(<!--[\s\S]*?-->)/)
      .map((part) => (part.startsWith('<!--') ? part : part.replace(/TODO(?::[^|"\n]*)?/g, () => `Words the partnership wrote, number ${++n}`)))
      .join('')
    if (filled !== text) writeFileSync(full, filled)
  }
  return n
}

describe('docs/authoring.md, “Add a new framework”', () => {
  it('has the steps: create, see what needs filling in, fill in, check, build and make the website', () => {
    const steps = guideSteps('new-framework')
    expect(steps.map((step) => (step.kind === 'commands' ? step.lines.join(' && ') : step.kind === 'file' ? `write ${step.file}` : 'fill in every TODO'))).toEqual([
      'npx thresholds new west-midshire',
      'npx thresholds check sources/west-midshire',
      'write framework.md',
      'write links.md',
      'fill in every TODO',
      'npx thresholds check sources/west-midshire && npx thresholds build && npx thresholds site',
    ])
  })

  it('followed step by step, adds a third framework beside the shipped ones that checks clean and builds', () => {
    // A copy of the project's content: the two shipped frameworks and their built package.
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-guide-'))
    cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
    cpSync(path.join(repoRoot, 'generated'), path.join(root, 'generated'), { recursive: true, filter: (source) => !source.includes(`${path.sep}site`) })
    const dir = path.join(root, 'sources/west-midshire')
    const run = (line: string) => {
      const args = line.replace(/^npx thresholds /, '').split(' ')
      expect(line, 'the guide only asks for thresholds commands').toMatch(/^npx thresholds /)
      return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: TEST_TODAY }, timeout: HANG_MS })
    }
    const outputs: string[] = []
    for (const step of guideSteps('new-framework')) {
      if (step.kind === 'file') writeFileSync(path.join(dir, step.file), step.text)
      else if (step.kind === 'fill-todos') expect(fillTodos(dir)).toBeGreaterThan(20)
      else
        for (const line of step.lines) {
          const result = run(line)
          expect(result.status, `${line}\n${result.stderr}`).toBe(0)
          outputs.push(result.stderr)
        }
    }
    // The first check lists what to fill in; the last finds nothing left to do.
    expect(outputs[1]).toContain('[content-placeholder]')
    expect(outputs[1]).toMatch(/⚠ 0 errors, \d+ warnings, 0 suppressed in 1 framework\n$/)
    expect(outputs[2]).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')

    const framework = JSON.parse(readFileSync(path.join(root, 'generated/west-midshire/framework.json'), 'utf8')) as { title: string; levels: unknown[]; indicators: unknown[] }
    expect(framework.title).toBe('Right Help at the Right Time')
    expect(framework.levels).toHaveLength(4)
    expect(framework.indicators).toHaveLength(8)
    expect(existsSync(path.join(root, 'generated/site/west-midshire/levels/child-protection.html'))).toBe(true)
    expect(readFileSync(path.join(root, 'generated/site/index.html'), 'utf8')).toContain('Right Help at the Right Time')

    // All three frameworks check together, and the shipped ones' package is unchanged.
    const all = run('npx thresholds check --format json')
    expect(all.status).toBe(0)
    expect((JSON.parse(all.stdout) as { summary: { errors: number } }).summary.errors).toBe(0)
    for (const id of ['shropshire', 'solihull'])
      expect(readFileSync(path.join(root, `generated/${id}/framework.json`), 'utf8')).toBe(readFileSync(path.join(repoRoot, `generated/${id}/framework.json`), 'utf8'))
  })
})

describe('README', () => {
  it('shows a screenshot of the website, taken by npm run screenshot', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    const image = /!\[[^\]]+\]\((docs\/images\/[^)]+\.png)\)/.exec(readme)?.[1]
    expect(image).toBe('docs/images/site.png')
    const bytes = readFileSync(path.join(repoRoot, image as string))
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(bytes.readUInt32BE(16)).toBe(1100) // width, as scripts/bin/screenshot.ts takes it
  })
})
