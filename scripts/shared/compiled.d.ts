/** Whether the compiled CLI in `<root>/dist/` is at least as new as every TypeScript and JavaScript source under `<root>/scripts/` and as the packages installed in node_modules (compiled.js). */
export declare function compiledIsFresh(root: string): boolean
