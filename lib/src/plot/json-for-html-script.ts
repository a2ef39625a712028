/**
 * `JSON.stringify` made safe to paste inside an HTML `<script>`: `<`, `>` and `&` become
 * `\u003c`, `\u003e` and `\u0026` (so a string holding `</script>` cannot close the tag),
 * and U+2028/U+2029 are escaped too. The result is still valid JSON and JavaScript.
 *
 * Reference: HTML Living Standard, "Restrictions for contents of script elements".
 */
export function jsonForHtmlScript(value: unknown): string {
  return (JSON.stringify(value) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
