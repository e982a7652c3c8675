// The bureau page: the live map at once (public data), analytics after signing in as BUREAU.
import { Api } from './api.js';
import { CityMap } from './map.js';
import { drawUtilization, fillQuality } from './charts.js';

const api = new Api();
const $ = (id) => document.getElementById(id);
const ANALYTICS_REFRESH_MS = 60_000;
let refresh = null;

async function startMap() {
  const map = new CityMap($('map'), api, $('map-status'), $('map-message'));
  try {
    await map.load();
    map.enableZoom();
    map.startLive();
  } catch (e) {
    map.say('unavailable');
    map.showMessage(`The city map could not be loaded: ${e.message}`, true);
  }
}

async function loadAnalytics() {
  await Promise.all([
    drawUtilization(api, {
      svg: $('utilization-chart'), legend: $('utilization-legend'), message: $('utilization-message'),
      status: $('utilization-status'),
    }),
    fillQuality(api, { table: $('quality-table'), message: $('quality-message'), status: $('quality-status') }),
  ]);
}

function hint() {
  for (const id of ['utilization-message', 'quality-message']) {
    $(id).textContent = 'Sign in as BUREAU (client credentials) to see the analytics.';
    $(id).hidden = false;
  }
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('sign-in-status');
  status.textContent = 'signing in…';
  try {
    await api.signIn($('client-id').value.trim(), $('client-secret').value);
    $('client-secret').value = '';
    status.textContent = `signed in as ${$('client-id').value.trim()} (BUREAU)`;
    document.body.dataset.signedIn = 'true';
    await loadAnalytics();
    clearInterval(refresh);
    refresh = setInterval(loadAnalytics, ANALYTICS_REFRESH_MS);
  } catch (e) {
    status.textContent = `sign-in failed: ${e.message}`;
    document.body.dataset.signedIn = 'false';
  }
});

hint();
startMap();
