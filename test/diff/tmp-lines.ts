import { diffFixture, lines } from './helpers.ts'
for (const k of process.argv.slice(2)) console.log(k + '\n' + lines(diffFixture(`/work/wt/diff/test/fixtures/diff/changes/${k}`)).join('\n'))
