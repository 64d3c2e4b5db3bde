// A goal's trend as a small inline SVG: its final attainment at each check-in, drawn with DOM calls (never markup from data).
const SVG = 'http://www.w3.org/2000/svg';
export const SPARK_WIDTH = 48;
export const SPARK_HEIGHT = 14;

/**
 * The points of a sparkline, `x,y` pairs inside width x height: oldest on the left, 0% at the bottom and the highest
 * of 100% or the series at the top. One value is drawn flat.
 */
export function sparkPoints(values: readonly number[], width = SPARK_WIDTH, height = SPARK_HEIGHT): string {
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const shown = values.length > 1 ? values : [values[0], values[0]];
  const dx = values.length > 1 ? step : width;
  return shown
    .map((v, k) => {
      const y = height - (Math.max(0, v) / top) * height;
      return `${round(k * dx)},${round(y)}`;
    })
    .join(' ');
}

const round = (x: number): number => Math.round(x * 10) / 10;

/** An inline SVG sparkline, labelled for screen readers with the first and last values. */
export function sparkline(values: readonly number[], label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('width', String(SPARK_WIDTH));
  svg.setAttribute('height', String(SPARK_HEIGHT));
  svg.setAttribute('viewBox', `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', sparkPoints(values));
  line.setAttribute('fill', 'none');
  svg.appendChild(line);
  return svg;
}
