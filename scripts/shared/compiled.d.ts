/** Whether the compiled CLI in `<root>/dist/` is at least as new as every TypeScript and JavaScript source under `<root>/scripts/` (compiled.js). */
export declare function compiledIsFresh(root: string): boolean
