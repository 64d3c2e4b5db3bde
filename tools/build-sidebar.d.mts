// Types of tools/build-sidebar.mjs for the TypeScript tests that import it.

/** Returns the complete sidebar page with its CSS and JS inlined. */
export function buildSidebar(): Promise<string>;
/** Breaks up `</script` (and refuses `<!--`) so bundled JS can sit inside a <script> element. */
export function escapeInlineScript(js: string): string;
/** Breaks up `</style` so CSS can sit inside a <style> element. */
export function escapeInlineStyle(css: string): string;
