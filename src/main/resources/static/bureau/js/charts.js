// Analytics for the bureau (role BUREAU): utilization by district over the last 24 h as an SVG line chart, and the
// operators' data quality table. Both degrade to a visible message when their endpoint fails.

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#bcbd22', '#7f7f7f'];
const CITY_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
  hour12: false });

function el(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function show(message, text, error) {
  message.textContent = text;
  message.classList.toggle('error', Boolean(error));
  message.hidden = false;
}

function explain(e, what) {
  if (e.status === 401 || e.status === 403) {
    return `${what}: sign in as BUREAU to see it (${e.message}).`;
  }
  if (e.status === 404) {
    return `${what} is not available on this server yet (404).`;
  }
  return `${what} could not be loaded: ${e.message}.`;
}

export async function drawUtilization(api, ui) {
  const { svg, legend, message, status } = ui;
  const to = new Date();
  const from = new Date(to.getTime() - 24 * 3600 * 1000);
  from.setUTCMinutes(0, 0, 0);
  const url = `/api/v1/analytics/utilization?groupBy=district&interval=1h&from=${from.toISOString()}`
    + `&to=${to.toISOString()}`;
  let body;
  try {
    body = await api.request(url, { auth: true });
  } catch (e) {
    svg.dataset.drawn = 'false';
    show(message, explain(e, 'Utilization by district'), true);
    status.textContent = 'unavailable';
    return false;
  }
  message.hidden = true;
  renderUtilization(svg, legend, body, from, to);
  status.textContent = `${body.series.length} districts, updated ${to.toLocaleTimeString()}`;
  return true;
}

export function renderUtilization(svg, legend, body, from, to) {
  const width = 720;
  const height = 300;
  const left = 44;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const t0 = from.getTime();
  const t1 = to.getTime();
  const x = (t) => left + ((t - t0) / Math.max(1, t1 - t0)) * (width - left - right);
  const y = (rate) => top + (1 - rate) * (height - top - bottom);
  svg.replaceChildren();
  for (const rate of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(el('line', { class: 'grid', x1: left, x2: width - right, y1: y(rate), y2: y(rate) }));
    svg.append(el('text', { class: 'tick', x: left - 6, y: y(rate) + 3, 'text-anchor': 'end' },
      `${Math.round(rate * 100)}%`));
  }
  const step = 3 * 3600 * 1000;
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    svg.append(el('line', { class: 'grid', x1: x(t), x2: x(t), y1: top, y2: height - bottom }));
    svg.append(el('text', { class: 'tick', x: x(t), y: height - bottom + 14, 'text-anchor': 'middle' },
      CITY_TIME.format(new Date(t))));
  }
  svg.append(el('line', { class: 'axis', x1: left, x2: left, y1: top, y2: height - bottom }));
  svg.append(el('line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));

  legend.replaceChildren();
  let drawnPoints = 0;
  body.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length];
    let d = '';
    let pen = false;
    let last = null;
    const markers = [];
    for (const point of series.points || []) {
      if (point.occupancyRate === null || point.occupancyRate === undefined) {
        pen = false; // a gap: no fresh data in that bucket
        continue;
      }
      const px = x(Date.parse(point.start) + 1800 * 1000).toFixed(1);
      const py = y(Math.max(0, Math.min(1, point.occupancyRate))).toFixed(1);
      d += `${pen ? 'L' : 'M'}${px} ${py}`;
      pen = true;
      markers.push(el('circle', { class: 'point', cx: px, cy: py, r: 2.2, fill: colour }));
      last = point.occupancyRate;
      drawnPoints++;
    }
    const path = el('path', { class: 'series', d, stroke: colour, 'data-key': series.key });
    path.append(el('title', {}, `${series.name} (${series.key})`));
    svg.append(path, ...markers); // a lone bucket between gaps is a dot, not an invisible one-point line
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    item.append(swatch, `${series.name}${last === null ? '' : ` ${Math.round(last * 100)}%`}`);
    legend.append(item);
  });
  if (drawnPoints === 0) {
    svg.append(el('text', { class: 'tick', x: width / 2, y: height / 2, 'text-anchor': 'middle' },
      'no data in the last 24 h yet'));
  }
  svg.dataset.drawn = 'true';
  svg.dataset.series = String(body.series.length);
  svg.dataset.points = String(drawnPoints);
}

export async function fillQuality(api, ui) {
  const { table, message, status } = ui;
  let body;
  try {
    body = await api.request('/api/v1/analytics/operators/quality', { auth: true });
  } catch (e) {
    table.dataset.loaded = 'false';
    show(message, explain(e, 'Operator data quality'), true);
    status.textContent = 'unavailable';
    return false;
  }
  message.hidden = true;
  const rows = body.operators.map((o) => {
    const row = document.createElement('tr');
    const cells = [o.operatorId, o.name, o.places, percent(o.freshShare), o.rejected, o.clamped, o.stuckSensors,
      o.counterDrift, o.gaps, o.score];
    cells.forEach((value, i) => {
      const cell = document.createElement('td');
      cell.textContent = value === null || value === undefined ? '–' : String(value);
      if (i === cells.length - 1 && typeof value === 'number') {
        cell.className = value >= 85 ? 'score-good' : value >= 60 ? 'score-fair' : 'score-poor';
      }
      row.append(cell);
    });
    return row;
  });
  table.tBodies[0].replaceChildren(...rows);
  table.dataset.loaded = 'true';
  status.textContent = `${rows.length} operators, window ${body.window || ''}, as of ${
    body.asOf ? new Date(body.asOf).toLocaleTimeString() : '?'}`;
  return true;
}

function percent(value) {
  return typeof value === 'number' ? `${Math.round(value * 100)}%` : value;
}
