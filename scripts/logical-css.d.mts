// Types for scripts/logical-css.mjs (the right-to-left style lint, a plain ES module run without a build step).
export type PhysicalDirection = { line: number; text: string; use: string };
export declare function findPhysicalDirections(source: string, kind: 'css' | 'ts'): PhysicalDirection[];
export declare function checkProject(root: string): string[];
