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
const woo = readFileSync(join(here, "src/woo.css"), "utf8");
writeFileSync(join(out, "raadhuis.css"), `${utrecht}\n${theme}\n${layout}\n${woo}\n`);
copyFileSync(join(here, "node_modules/htmx.org/dist/htmx.min.js"), join(out, "htmx.min.js"));
copyFileSync(join(here, "src/favicon.svg"), join(out, "favicon.svg"));
// The page view of a Woo document: drawing a box with mouse or keyboard (progressive enhancement).
copyFileSync(join(here, "src/lakken.js"), join(out, "lakken.js"));
console.log(`frontend: built ${out}`);
