// Builds the static bundle Django collects: NL Design System CSS + our theme, and htmx.
// Output goes to frontend/dist/raadhuis/ (in STATICFILES_DIRS); nothing here is copied by hand.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist", "raadhuis");
mkdirSync(out, { recursive: true });

const utrecht = readFileSync(join(here, "node_modules/@utrecht/component-library-css/dist/index.css"), "utf8");
const theme = readFileSync(join(here, "src/theme.css"), "utf8");
const layout = readFileSync(join(here, "src/layout.css"), "utf8");
writeFileSync(join(out, "raadhuis.css"), `${utrecht}\n${theme}\n${layout}\n`);
copyFileSync(join(here, "node_modules/htmx.org/dist/htmx.min.js"), join(out, "htmx.min.js"));
copyFileSync(join(here, "src/favicon.svg"), join(out, "favicon.svg"));
console.log(`frontend: built ${out}`);
