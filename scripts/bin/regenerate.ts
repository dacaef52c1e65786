/**
 * Writes the files generated from the code and fixtures (docs and schema types), or with
 * `--check` exits 1 naming those that are out of date (tests run it). One program for all of
 * them, so each generator is a function that returns its files and touches nothing else.
 *   tsx scripts/bin/regenerate.ts <rules|changes|quality|schema> [--check]
 */
import { renderChangesDoc, renderSample, sampleFiles } from '../docs/changes.ts'
import { qualityFiles } from '../docs/quality.ts'
import { renderRulesDoc } from '../docs/rules.ts'
import { validatorSource } from '../model/compile-validators.ts'
import { generateTypes } from '../model/generate-types.ts'
import { staleFiles, writeGeneratedFiles, type GeneratedFile } from '../shared/generated-files.ts'
import { toolRoot } from '../shared/paths.ts'

interface Generator {
  /** The npm script that runs it, named in the message when the files are out of date. */
  command: string
  files: (check: boolean) => GeneratedFile[] | Promise<GeneratedFile[]>
}

const generators: Record<string, Generator> = {
  rules: { command: 'npm run docs', files: () => [{ file: 'docs/rules.md', text: renderRulesDoc() }] },
  changes: { command: 'npm run docs:changes', files: async () => [{ file: 'docs/changes.md', text: renderChangesDoc() }, ...sampleFiles(await renderSample())] },
  // Only a write refreshes the mutation summary from a newer Stryker report; a check reads the committed one.
  quality: { command: 'npm run docs:quality', files: (check) => qualityFiles({ refreshSummary: !check }) },
  schema: {
    command: 'npm run schema:types',
    files: async () => [
      { file: 'scripts/model/types.ts', text: await generateTypes() },
      { file: 'scripts/model/validators.cjs', text: validatorSource() },
    ],
  },
}

const [name = '', ...flags] = process.argv.slice(2)
const generator = generators[name]
if (!generator || flags.some((flag) => flag !== '--check')) {
  process.stderr.write(`Usage: tsx scripts/bin/regenerate.ts <${Object.keys(generators).join('|')}> [--check]\n`)
  process.exit(2)
}
const check = flags.includes('--check')
const files = await generator.files(check)
if (check) {
  const stale = staleFiles(toolRoot, files)
  if (stale.length) {
    process.stderr.write(`${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} out of date. Run: ${generator.command}\n`)
    process.exit(1)
  }
} else {
  writeGeneratedFiles(toolRoot, files)
  process.stdout.write(`wrote ${files.map(({ file }) => file).join(', ')}\n`)
}
