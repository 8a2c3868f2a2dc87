/** The reports of `asl2durable compare`: `--report out.html` (renderHtml) and `--report out.md` (renderMarkdown). */
export { renderHtml, type ReportContext } from "./html.js";
export { renderMarkdown } from "./markdown.js";
