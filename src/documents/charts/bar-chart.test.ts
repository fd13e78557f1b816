import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBarChart } from './bar-chart.js';
import { pageSafeSvg } from './page-safe-svg.js';

describe('charts for the page', () => {
  it('carry no style attribute or element, which the content security policy would block', () => {
    const svg = pageSafeSvg(
      '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" baseProfile="full" viewBox="0 0 10 10">\n'
      + '<rect width="10" height="10" x="0" y="0" fill="none"></rect>\n'
      + '<text style="font-size:12px;font-family:sans-serif;fill:#111;" fill="#333" class="zr3-cls-0" ecmeta_series_index="0">7</text>\n'
      + '<clipPath id="zr3-c0"><path d="M0 0"/></clipPath><g clip-path="url(#zr3-c0)"></g>\n'
      + '<style ><![CDATA[\n.zr3-cls-0:hover { cursor:pointer; }\n]]>\n</style>\n</svg>',
      { id: 'months-chart', labelledBy: 'months-caption' },
    );
    assert.equal(svg, '<svg id="months-chart" role="img" aria-labelledby="months-caption" focusable="false" width="10" height="10" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
      + '<text fill="#333" font-size="12px">7</text>\n'
      + '<clipPath id="months-chart-c0"><path d="M0 0"/></clipPath><g clip-path="url(#months-chart-c0)"></g>\n</svg>');
  });

  it('escape what an administrator typed as a category name', () => {
    const svg = renderBarChart({
      id: 'categories-chart', labelledBy: 'categories-caption', locale: 'id', orientation: 'horizontal',
      bars: [{ label: '<script>alert(1)</script> & "x"', count: { kind: 'count', value: 12 } }],
    });
    assert.doesNotMatch(svg, /<script|style=/);
    assert.match(svg, /&lt;script&gt;/);
  });

  it('draw a suppressed bar empty, with its mark where the count would be, and counts per locale', () => {
    const svg = renderBarChart({
      id: 'channels-chart', labelledBy: 'channels-caption', locale: 'id', orientation: 'horizontal',
      bars: [{ label: 'Situs web', count: { kind: 'count', value: 12_345 } }, { label: 'Tatap muka', count: { kind: 'hidden' } }, { label: 'Surat', count: { kind: 'fewer_than_threshold' } }],
    });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    assert.deepEqual(texts.filter((text) => !/^[A-Z]/.test(text ?? '')), ['12.345', '×', '&lt;\u00a05']);
    const bars = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)l([\d.-]+) 0/g)];
    assert.equal(bars.filter((bar) => Number(bar[3]) > 0).length, 1, 'only the shown count has a bar of any length');
  });
});
