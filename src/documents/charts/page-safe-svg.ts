/**
 * Makes ECharts' server-side SVG fit our pages. The content security policy (`style-src 'self'`)
 * refuses `style="…"` attributes and `<style>` elements, inline SVG included, so styles become
 * presentation attributes; hover rules (no use without script) and ECharts' bookkeeping
 * attributes go; ids get the chart's own prefix, so two charts on a page never share one; and
 * the root becomes one image named by the caption (its text is not read out piece by piece:
 * the table after the chart holds the same numbers).
 *
 * Regular expressions suffice because the input is ECharts' own output, not arbitrary markup;
 * the last check refuses to return anything that would still break the policy.
 */

/** CSS properties ECharts writes that SVG also accepts as presentation attributes. */
const presentationAttributes = new Set(['font-size', 'font-weight', 'font-style', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity']);

export interface PageSafeSvgOptions {
  /** The id of the chart's root element; inner ids are prefixed with it. */
  id: string;
  /** The id of the element that names the chart (its caption). */
  labelledBy: string;
}

export function pageSafeSvg(svg: string, options: PageSafeSvgOptions): string {
  let out = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<([a-zA-Z]+)([^>]*?) style="([^"]*)"([^>]*)>/g, (_whole, name: string, before: string, declarations: string, after: string) =>
      `<${name}${before}${after}${attributesOf(declarations, `${before}${after}`)}>`)
    .replace(/ (?:ecmeta_[a-z_]+|pointer-events|xmlns:xlink|version|baseProfile)="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/\b(id="|url\(#|href="#)zr\d+-/g, `$1${options.id}-`)
    // ECharts paints a transparent background rectangle first: nothing to see.
    .replace(/<rect width="[\d.]+" height="[\d.]+" x="0" y="0" fill="none"><\/rect>\n?/, '')
    .replace(/^<svg /, `<svg id="${options.id}" role="img" aria-labelledby="${options.labelledBy}" focusable="false" `);
  out = out.replace(/\n+/g, '\n').trim();
  if (/\sstyle=|<style/i.test(out)) throw new Error('chart SVG still carries inline style');
  return out;
}

/**
 * `font-size:12px;font-family:…` → ` font-size="12px"`, unless the element already has that
 * attribute. The font family comes from the page's stylesheet.
 */
function attributesOf(declarations: string, existing: string): string {
  return declarations.split(';').map((declaration) => {
    const colon = declaration.indexOf(':');
    if (colon === -1) return '';
    const name = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    const isKept = presentationAttributes.has(name) && value !== '' && !value.includes('"') && !new RegExp(`\\s${name}="`).test(existing);
    return isKept ? ` ${name}="${value}"` : '';
  }).join('');
}
