// Loaded with `node --import` before the CLI in test/cli/hostile.test.ts. When the process ends it
// compares Object.prototype with what it was at the start and, if anything was added, removed or
// replaced, says so on stderr and exits 99: proof, from inside the CLI's own process, that
// front-matter keys such as __proto__ did not pollute it.
const describe = () =>
  Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name)
      return [name, descriptor?.value ?? descriptor?.get, descriptor?.set]
    })
const before = describe()
const prototypeBefore = Object.getPrototypeOf(Object.prototype)

process.on('exit', () => {
  const after = describe()
  const changed =
    Object.getPrototypeOf(Object.prototype) !== prototypeBefore ||
    after.length !== before.length ||
    after.some(([name, value, set], index) => {
      const [nameBefore, valueBefore, setBefore] = before[index] ?? []
      return name !== nameBefore || value !== valueBefore || set !== setBefore
    })
  if (changed) {
    process.stderr.write(`Object.prototype was changed: ${after.map(([name]) => name).join(', ')}\n`)
    process.exitCode = 99
  }
})
