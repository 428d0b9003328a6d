// Incident metrics for managers (docs/metrics.md). Served from this Java plugin's asset directory, which Cockpit
// loads by itself (a Java plugin without app/plugin.js breaks Cockpit). Plain DOM and inline SVG: nothing loads from the internet.
const PLUGIN_ID = 'incident-metrics';
const ROUTE = '/incident-metrics';
const PERIOD_DAYS = 90;

function metricsUrl(api, from, to) {
  return `${api.cockpitApi}/plugin/${PLUGIN_ID}/${api.engine}/metrics?from=${from}&to=${to}`;
}

function isoDay(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/** 95 s -> "1m 35s", 9.2 h -> "9h 12m": managers read hours and minutes, not seconds. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  const s = Math.round(seconds);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

async function load(api, from, to) {
  const response = await fetch(metricsUrl(api, from, to), {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  if (!response.ok) {
    throw new Error(response.status === 403
      ? 'Incident metrics are for managers and incident-admins.'
      : `Incident metrics could not be loaded (${response.status}).`);
  }
  return response.json();
}

function table(caption, headers, rows, id) {
  const body = rows.length
    ? rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}"><em>none</em></td></tr>`;
  return `<table class="table table-condensed cam-table" data-metric="${id}" style="margin-bottom:1.5em">
    <caption><strong>${escapeHtml(caption)}</strong></caption>
    <thead><tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
    <tbody>${body}</tbody></table>`;
}

function durationTable(caption, stats, id) {
  return table(caption, ['Priority', 'Incidents', 'Median', 'p90'],
    stats.map(s => [escapeHtml(s.priority), s.count, duration(s.medianSeconds), duration(s.p90Seconds)]), id);
}

function trendChart(weeks) {
  const width = 640, height = 180, pad = 30;
  const max = Math.max(1, ...weeks.map(w => Math.max(w.reported, w.resolved)));
  const slot = (width - pad) / Math.max(1, weeks.length);
  const bar = Math.max(2, slot / 2 - 2);
  const y = v => height - pad - (v / max) * (height - 2 * pad);
  const bars = weeks.map((w, i) => {
    const x = pad + i * slot;
    return `<g><title>${escapeHtml(w.weekStart)}: ${w.reported} reported, ${w.resolved} resolved</title>
      <rect x="${x}" y="${y(w.reported)}" width="${bar}" height="${height - pad - y(w.reported)}" fill="#b5152b"/>
      <rect x="${x + bar}" y="${y(w.resolved)}" width="${bar}" height="${height - pad - y(w.resolved)}" fill="#3a7a3a"/>
      ${i % Math.ceil(weeks.length / 8) === 0 ? `<text x="${x}" y="${height - 10}" font-size="10">${escapeHtml(w.weekStart.slice(5))}</text>` : ''}</g>`;
  }).join('');
  return `<figure data-metric="weekly-trend"><figcaption><strong>Incidents per week</strong>
      <span style="color:#b5152b">■ reported</span> <span style="color:#3a7a3a">■ resolved</span></figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="Incidents per week">
      <line x1="${pad}" y1="${height - pad}" x2="${width}" y2="${height - pad}" stroke="#999"/>
      <text x="0" y="${y(max) + 4}" font-size="10">${max}</text>${bars}</svg></figure>`;
}

function render(node, metrics) {
  const openTotal = metrics.openByPriority.reduce((sum, c) => sum + c.count, 0);
  node.querySelector('[data-role=figures]').innerHTML = `
    <p class="lead" data-metric="open-total">${openTotal} open incident(s)</p>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${table('Open by priority', ['Priority', 'Open'], metrics.openByPriority.map(c => [escapeHtml(c.key), c.count]), 'open-by-priority')}</div>
      <div>${table('Open by current step', ['Step', 'Open'], metrics.openByStep.map(c => [escapeHtml(c.name), c.count]), 'open-by-step')}</div>
      <div>${table('Oldest open incidents', ['Incident', 'Priority', 'Reported'], metrics.oldestOpen.map(o =>
        [`<a href="${escapeHtml(o.cockpitPath)}">${escapeHtml(o.incidentNumber || o.processInstanceId)}</a>`,
         escapeHtml(o.priority), escapeHtml(new Date(o.reportedAt).toLocaleString())]), 'oldest-open')}</div>
    </div>
    <h4>Reported ${escapeHtml(metrics.from)} – ${escapeHtml(metrics.to)}</h4>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${durationTable('Time to acknowledge (report → manager\'s judgement)', metrics.timeToAcknowledge, 'time-to-acknowledge')}</div>
      <div>${durationTable('Time to mitigate (report → first response, urgent)', metrics.timeToMitigate, 'time-to-mitigate')}</div>
      <div>${durationTable('Time to resolve (report → resolved)', metrics.timeToResolve, 'time-to-resolve')}</div>
    </div>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${table('Time per step', ['Step', 'Done', 'Median', 'p90'], metrics.timePerStep.map(s =>
        [escapeHtml(s.name), s.count, duration(s.medianSeconds), duration(s.p90Seconds)]), 'time-per-step')}</div>
      <div>${table('Incidents per client', ['Client', 'Incidents'], metrics.incidentsPerClient.map(c => [escapeHtml(c.key), c.count]), 'per-client')}</div>
      <div>${table('Incidents with a suspected recent change', ['Reported', 'With a suspected change'],
        [[metrics.suspectedChanges.reported, metrics.suspectedChanges.withSuspectedChange]], 'suspected-change')}</div>
    </div>
    ${trendChart(metrics.weeklyTrend)}`;
}

function renderView(node, api) {
  const to = new Date();
  const from = new Date(to.getTime() - (PERIOD_DAYS - 1) * 86400000);
  node.innerHTML = `<section class="incident-metrics" style="padding:1em 2em">
    <h2>Incident metrics</h2>
    <form data-role="period" class="form-inline" style="margin-bottom:1em">
      <label>From <input type="date" name="from" value="${isoDay(from)}" class="form-control"></label>
      <label>To <input type="date" name="to" value="${isoDay(to)}" class="form-control"></label>
      <button type="submit" class="btn btn-default">Show</button>
    </form>
    <div data-role="figures"><p>Loading…</p></div></section>`;
  const form = node.querySelector('[data-role=period]');
  const show = () => load(api, form.from.value, form.to.value)
    .then(metrics => render(node, metrics))
    .catch(error => {
      node.querySelector('[data-role=figures]').innerHTML = `<p class="alert alert-danger" data-role="error">${escapeHtml(error.message)}</p>`;
    });
  form.addEventListener('submit', event => {
    event.preventDefault();
    show();
  });
  show();
}

export default [
  {
    id: 'incident-metrics-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      node.innerHTML = `<section class="dashboard-row"><h3 class="section-title">Incidents</h3>
        <p><a href="#${ROUTE}" data-role="incident-metrics-link">Incident metrics</a> —
        open incidents, time to acknowledge, mitigate and resolve, time per step, clients, weekly trend.</p></section>`;
    }
  },
  {
    id: 'incident-metrics-view',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: 'Incident metrics'},
    render: (node, {api}) => renderView(node, api)
  }
];
