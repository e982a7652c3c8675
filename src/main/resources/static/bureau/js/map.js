// The city map: districts, lots and street segments from the registry's GeoJSON, drawn as SVG and coloured by the
// live availability streams (Server-Sent Events), the city split into as few boxes as the server's cap allows.

const SVG = 'http://www.w3.org/2000/svg';
const GEO_JSON = 'application/geo+json';
const PLACES_PER_STREAM = 3500; // the server refuses boxes with more than 5,000 places by default

export function occupancyClass(place) {
  if (!place || place.status === 'UNKNOWN') {
    return 'occ-unknown';
  }
  if (place.status === 'CLOSED') {
    return 'occ-closed';
  }
  const known = place.capacity - place.unknown;
  if (known <= 0) {
    return 'occ-unknown';
  }
  const rate = place.occupied / known;
  if (place.status === 'FULL' || rate >= 0.95) {
    return 'occ-3';
  }
  if (rate >= 0.8) {
    return 'occ-2';
  }
  return rate >= 0.5 ? 'occ-1' : 'occ-0';
}

const OCC_CLASSES = ['occ-0', 'occ-1', 'occ-2', 'occ-3', 'occ-unknown', 'occ-closed'];

export class CityMap {
  constructor(svg, api, status, message) {
    this.svg = svg;
    this.api = api;
    this.status = status;
    this.message = message;
    this.elements = new Map(); // place id -> SVG element
    this.places = [];          // {id, box: [minLon, minLat, maxLon, maxLat]}
    this.live = new Set();     // place ids with a known state
    this.streams = [];
    this.lastChange = null;
  }

  async load() {
    this.say('loading districts…');
    const districts = await this.api.request('/api/v1/districts', { accept: GEO_JSON });
    this.setUpProjection(districts.features);
    const districtLayer = this.layer('districts');
    const labels = [];
    for (const feature of districts.features) {
      const path = this.element('path', { class: 'district', d: this.areaPath(feature.geometry) });
      const title = this.element('title');
      title.textContent = `${feature.properties.name} ${feature.properties.nameEn || ''}`;
      path.append(title);
      districtLayer.append(path);
      labels.push(feature);
    }
    this.say('loading street segments…');
    const segments = await this.api.allPages('/api/v1/segments?limit=1000', GEO_JSON,
      (n) => this.say(`loading street segments… ${n}`));
    const segmentLayer = this.layer('segments');
    for (const feature of segments) {
      const coordinates = feature.geometry.coordinates;
      const path = this.element('path', { class: 'segment occ-unknown', d: this.linePath(coordinates) });
      this.titled(path, `${feature.properties.roadName || feature.id} (${(feature.properties.bays || []).length} bays)`);
      segmentLayer.append(path);
      this.elements.set(feature.id, path);
      this.places.push({ id: feature.id, box: bounds(coordinates) });
    }
    this.say('loading lots…');
    const lots = await this.api.allPages('/api/v1/lots?limit=1000', GEO_JSON,
      (n) => this.say(`loading lots… ${n}`));
    const lotLayer = this.layer('lots');
    for (const feature of lots) {
      const point = feature.properties.point || feature.geometry.coordinates[0][0];
      const [x, y] = this.project(point);
      const spaces = feature.properties.totalSpaces || 100;
      const circle = this.element('circle', {
        class: 'lot occ-unknown', cx: x.toFixed(2), cy: y.toFixed(2), r: (0.9 + Math.sqrt(spaces) * 0.09).toFixed(2),
      });
      this.titled(circle, `${feature.properties.name} (${spaces} spaces)`);
      lotLayer.append(circle);
      this.elements.set(feature.id, circle);
      this.places.push({ id: feature.id, box: [point[0], point[1], point[0], point[1]] });
    }
    const labelLayer = this.layer('labels');
    for (const feature of labels) {
      const box = bounds(flatten(feature.geometry));
      const [x, y] = this.project([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
      const text = this.element('text', { class: 'district-label', x: x.toFixed(1), y: y.toFixed(1) });
      text.textContent = feature.properties.name;
      labelLayer.append(text);
    }
    this.svg.dataset.places = String(this.elements.size);
    this.say(`${this.elements.size} places drawn; connecting to live availability…`);
  }

  /** Wheel zooms around the pointer, dragging pans; double-click shows the whole city again. */
  enableZoom() {
    const svg = this.svg;
    const box = svg.viewBox.baseVal;
    const whole = { x: box.x, y: box.y, width: box.width, height: box.height };
    const scale = () => Math.max(box.width / svg.clientWidth, box.height / svg.clientHeight);
    const toSvg = (event) => {
      const rect = svg.getBoundingClientRect();
      const s = scale();
      return {
        x: box.x + (event.clientX - rect.left - (rect.width - box.width / s) / 2) * s,
        y: box.y + (event.clientY - rect.top - (rect.height - box.height / s) / 2) * s,
      };
    };
    svg.addEventListener('wheel', (event) => {
      event.preventDefault();
      const factor = event.deltaY < 0 ? 0.8 : 1.25;
      const p = toSvg(event);
      const width = Math.min(whole.width * 2, Math.max(whole.width / 200, box.width * factor));
      const f = width / box.width;
      box.x = p.x - (p.x - box.x) * f;
      box.y = p.y - (p.y - box.y) * f;
      box.width = width;
      box.height *= f;
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener('pointermove', (event) => {
      if (drag) {
        const s = scale();
        box.x -= (event.clientX - drag.x) * s;
        box.y -= (event.clientY - drag.y) * s;
        drag = { x: event.clientX, y: event.clientY };
      }
    });
    svg.addEventListener('pointerup', () => {
      drag = null;
    });
    svg.addEventListener('dblclick', () => Object.assign(box, whole));
  }

  startLive() {
    for (const box of splitBoxes(this.places, PLACES_PER_STREAM)) {
      this.openStream(box, 0);
    }
  }

  openStream(box, depth) {
    const pad = 0.00005; // about 5 m, so rounding never leaves an edge place out
    const bbox = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad].map((v) => v.toFixed(6)).join(',');
    const source = new EventSource(`/api/v1/availability/stream?bbox=${bbox}`);
    let opened = false;
    source.addEventListener('snapshot', (event) => {
      opened = true;
      const body = JSON.parse(event.data);
      body.places.forEach((place) => this.apply(place));
      this.report();
    });
    source.addEventListener('change', (event) => {
      this.apply(JSON.parse(event.data));
      this.lastChange = new Date();
      this.report();
    });
    source.addEventListener('error', () => {
      if (!opened && source.readyState === EventSource.CLOSED) {
        // refused (e.g. too many places in the box): split it and try again
        if (depth < 3) {
          const inside = this.places.filter((p) => intersects(p.box, box));
          splitBoxes(inside, Math.max(200, Math.floor(inside.length / 2))).forEach((b) => this.openStream(b, depth + 1));
        } else {
          this.showMessage('The live availability stream was refused for part of the city.', true);
        }
      }
    });
    this.streams.push(source);
  }

  apply(place) {
    const element = this.elements.get(place.id);
    if (!element) {
      return;
    }
    const cls = occupancyClass(place);
    element.classList.remove(...OCC_CLASSES);
    element.classList.add(cls);
    element.dataset.status = place.status;
    if (cls === 'occ-unknown') {
      this.live.delete(place.id);
    } else {
      this.live.add(place.id);
    }
    const title = element.querySelector('title');
    if (title) {
      const base = title.textContent.split(' · ')[0];
      title.textContent = `${base} · ${place.status}, ${place.free} free of ${place.capacity}`;
    }
  }

  report() {
    this.svg.dataset.live = String(this.live.size);
    const when = this.lastChange ? ` · last change ${this.lastChange.toLocaleTimeString()}` : '';
    this.say(`${this.live.size} of ${this.elements.size} places live${when}`);
  }

  say(text) {
    this.status.textContent = text;
  }

  showMessage(text, error) {
    this.message.textContent = text;
    this.message.classList.toggle('error', Boolean(error));
    this.message.hidden = false;
  }

  // --- drawing ---

  setUpProjection(features) {
    const box = bounds(features.flatMap((f) => flatten(f.geometry)));
    this.minLon = box[0];
    this.maxLat = box[3];
    this.kx = 1000 * Math.cos(((box[1] + box[3]) / 2) * Math.PI / 180);
    this.ky = 1000;
    const width = (box[2] - box[0]) * this.kx;
    const height = (box[3] - box[1]) * this.ky;
    this.svg.setAttribute('viewBox', `0 0 ${width.toFixed(1)} ${height.toFixed(1)}`);
    this.svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  }

  project([lon, lat]) {
    return [(lon - this.minLon) * this.kx, (this.maxLat - lat) * this.ky];
  }

  linePath(coordinates) {
    return coordinates.map((c, i) => {
      const [x, y] = this.project(c);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`;
    }).join('');
  }

  areaPath(geometry) {
    const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
    return polygons.map((rings) => rings.map((ring) => `${this.linePath(ring)}Z`).join('')).join('');
  }

  layer(name) {
    const group = this.element('g', { class: `layer-${name}` });
    this.svg.append(group);
    return group;
  }

  element(name, attributes = {}) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, value);
    }
    return element;
  }

  titled(element, text) {
    const title = this.element('title');
    title.textContent = text;
    element.append(title);
  }
}

function flatten(geometry) {
  switch (geometry.type) {
    case 'Point': return [geometry.coordinates];
    case 'LineString': return geometry.coordinates;
    case 'Polygon': return geometry.coordinates.flat();
    case 'MultiPolygon': return geometry.coordinates.flat(2);
    default: return [];
  }
}

function bounds(points) {
  let box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    box = [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
  }
  return box;
}

function intersects(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Splits places at the median of the longer side until every part holds at most `limit`; each part's bounds. */
export function splitBoxes(places, limit) {
  if (places.length === 0) {
    return [];
  }
  const box = places.reduce((acc, p) => [Math.min(acc[0], p.box[0]), Math.min(acc[1], p.box[1]),
    Math.max(acc[2], p.box[2]), Math.max(acc[3], p.box[3])], [Infinity, Infinity, -Infinity, -Infinity]);
  if (places.length <= limit) {
    return [box];
  }
  const axis = (box[2] - box[0]) >= (box[3] - box[1]) ? 0 : 1;
  const centre = (p) => (p.box[axis] + p.box[axis + 2]) / 2;
  const sorted = [...places].sort((a, b) => centre(a) - centre(b));
  const half = Math.floor(sorted.length / 2);
  return [...splitBoxes(sorted.slice(0, half), limit), ...splitBoxes(sorted.slice(half), limit)];
}
