/**
 * The map as a picture that stands alone: an SVG with its styles inlined (resolved from the page's
 * theme, so it looks as it does on screen), and a PNG drawn from that SVG on a canvas.
 */

/** Style properties an SVG element can take from CSS; each is copied from the computed style. */
const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility', 'paint-order',
] as const;

/** What the exported picture leaves out: the Fix buttons, focus and cursor rings. */
const LEFT_OUT = '.no-export, .focus-ring, .sel-ring';

/** A standalone SVG document of `svg`, with every style inlined and a background of `background`. */
export function standaloneSvg(svg: SVGSVGElement, options: { title: string; background: string }): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const copy = to[i];
    if (!copy) return;
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => [p, cs.getPropertyValue(p)] as const).filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto').map(([p, v]) => `${p}:${v}`).join(';');
    if (copy !== clone && el.namespaceURI === 'http://www.w3.org/2000/svg' && !['defs', 'marker', 'pattern', 'title', 'desc'].includes(el.localName)) copy.setAttribute('style', style);
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    copy.removeAttribute('aria-current');
    copy.removeAttribute('aria-describedby');
    copy.removeAttribute('data-node');
    // a picture is not interactive: the nodes keep their names as text alternatives
    if (copy.getAttribute('role') === 'button') {
      copy.setAttribute('role', 'img');
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = copy.getAttribute('aria-label') ?? '';
      copy.insertBefore(title, copy.firstChild);
    }
  });
  // drop what the picture leaves out (matched on the original, by position)
  const drop = new Set(Array.from(svg.querySelectorAll(LEFT_OUT)).map((el) => from.indexOf(el)));
  drop.forEach((i) => to[i]?.remove());

  const w = svg.getAttribute('width') ?? String(svg.viewBox.baseVal.width);
  const h = svg.getAttribute('height') ?? String(svg.viewBox.baseVal.height);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', w);
  clone.setAttribute('height', h);
  clone.setAttribute('role', 'img');
  clone.setAttribute('aria-label', options.title);
  clone.setAttribute('style', `background:${options.background}`);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = options.title;
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', options.background);
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(title, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The SVG text drawn on a canvas at `scale`, as a PNG. */
export async function pngOf(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}

/** Saves a blob under a file name (a download). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
