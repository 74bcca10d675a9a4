import path from "node:path";

/**
 * The repository's root (prisma/ lives there). Scripts and tests know it from this file's place;
 * inside Next's server bundle `import.meta.dirname` is not this file's folder (nor always set),
 * and `next start` runs from the root, so the working directory is used there.
 */
export const projectRoot =
  import.meta.dirname && !import.meta.dirname.includes(`${path.sep}.next`)
    ? path.resolve(import.meta.dirname, "../..")
    : process.cwd();
