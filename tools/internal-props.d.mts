// Types of tools/internal-props.mjs for the TypeScript tests that import it.

/** Properties esbuild renames in the runtime bundle: members of its own classes and records that never leave it. */
export const INTERNAL_PROPS: readonly string[];
