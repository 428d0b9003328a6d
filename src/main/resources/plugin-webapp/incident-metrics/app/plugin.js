// Incident metrics for managers (docs/metrics.md). Served from this Java plugin's asset directory, which Cockpit
// loads by itself (a Java plugin without app/plugin.js breaks Cockpit). Plain DOM and inline SVG: nothing loads from the internet.
const PLUGIN_ID = 'incident-metrics';
const ROUTE = '/incident-metrics';
const PERIOD_DAYS = 90;

// The view's words in the language Cockpit shows (its config.js: Japanese for a browser whose first language
// is Japanese, else English); a text missing in Japanese shows in English.
const TEXTS = {
  en: {
    incidents: 'Incidents',
    link: 'Incident metrics',
    linkHint: 'open incidents, time to acknowledge, mitigate and resolve, time per step, clients, weekly trend.',
    title: 'Incident metrics',
    from: 'From', to: 'To', show: 'Show', loading: 'Loading…', none: 'none',
    forbidden: 'Incident metrics are for managers and incident-admins.',
    failed: status => `Incident metrics could not be loaded (${status}).`,
    openTotal: n => `${n} open incident(s)`,
    openByPriority: 'Open by priority', openByStep: 'Open by current step', oldestOpen: 'Oldest open incidents',
    priority: 'Priority', open: 'Open', step: 'Step', incident: 'Incident', reported: 'Reported',
    reportedBetween: (from, to) => `Reported ${from} – ${to}`,
    timeToAcknowledge: 'Time to acknowledge (report → manager\'s judgement)',
    timeToMitigate: 'Time to mitigate (report → first response, urgent)',
    timeToResolve: 'Time to resolve (report → resolved)',
    count: 'Incidents', median: 'Median', p90: 'p90', done: 'Done',
    timePerStep: 'Time per step', perClient: 'Incidents per client', client: 'Client',
    suspectedChange: 'Incidents with a suspected recent change', withSuspectedChange: 'With a suspected change',
    perWeek: 'Incidents per week', reportedLegend: 'reported', resolvedLegend: 'resolved',
    weekTitle: (week, reported, resolved) => `${week}: ${reported} reported, ${resolved} resolved`,
    duration: {d: 'd ', h: 'h ', m: 'm ', s: 's'}
  },
  ja: {
    incidents: '障害',
    link: '障害メトリクス',
    linkHint: '対応中の障害、上長の判断・一次対応・解決までの時間、ステップごとの時間、クライアント別、週ごとの推移。',
    title: '障害メトリクス',
    from: '開始日', to: '終了日', show: '表示', loading: '読み込み中…', none: 'なし',
    forbidden: '障害メトリクスは上長 (managers) と incident-admins のみ閲覧できます。',
    failed: status => `障害メトリクスを読み込めませんでした (${status})。`,
    openTotal: n => `対応中の障害 ${n} 件`,
    openByPriority: '優先度別の対応中件数', openByStep: '現在のステップ別の対応中件数', oldestOpen: '最も古い対応中の障害',
    priority: '優先度', open: '対応中', step: 'ステップ', incident: '障害', reported: '報告日時',
    reportedBetween: (from, to) => `報告日 ${from} 〜 ${to}`,
    timeToAcknowledge: '判断までの時間 (報告 → 上長の判断)',
    timeToMitigate: '一次対応までの時間 (報告 → 一次対応、緊急のみ)',
    timeToResolve: '解決までの時間 (報告 → 解決)',
    count: '件数', median: '中央値', p90: '90%値', done: '完了',
    timePerStep: 'ステップごとの所要時間', perClient: 'クライアント別の障害件数', client: 'クライアント',
    suspectedChange: '直近の変更が疑われた障害', withSuspectedChange: '疑わしい変更あり',
    perWeek: '週ごとの障害件数', reportedLegend: '報告', resolvedLegend: '解決',
    weekTitle: (week, reported, resolved) => `${week}: 報告 ${reported} 件、解決 ${resolved} 件`,
    duration: {d: '日', h: '時間', m: '分', s: '秒'}
  }
};

function language() {
  const first = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return first.toLowerCase().split('-')[0] === 'ja' ? 'ja' : 'en';
}

function t(key, ...args) {
  const text = TEXTS[language()][key] ?? TEXTS.en[key];
  return typeof text === 'function' ? text(...args) : text;
}

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

/** 95 s -> "1m 35s" / "1分35秒", 9.2 h -> "9h 12m" / "9時間12分": managers read hours and minutes, not seconds. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  const u = t('duration');
  const s = Math.round(seconds);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}${u.d}${h}${u.h.trim()}`;
  if (h > 0) return `${h}${u.h}${m}${u.m.trim()}`;
  if (m > 0) return `${m}${u.m}${s % 60}${u.s}`;
  return `${s}${u.s}`;
}

async function load(api, from, to) {
  const response = await fetch(metricsUrl(api, from, to), {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  if (!response.ok) {
    throw new Error(response.status === 403 ? t('forbidden') : t('failed', response.status));
  }
  return response.json();
}

function table(caption, headers, rows, id) {
  const body = rows.length
    ? rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}"><em>${escapeHtml(t('none'))}</em></td></tr>`;
  return `<table class="table table-condensed cam-table" data-metric="${id}" style="margin-bottom:1.5em">
    <caption><strong>${escapeHtml(caption)}</strong></caption>
    <thead><tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
    <tbody>${body}</tbody></table>`;
}

function durationTable(caption, stats, id) {
  return table(caption, [t('priority'), t('count'), t('median'), t('p90')],
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
    return `<g><title>${escapeHtml(t('weekTitle', w.weekStart, w.reported, w.resolved))}</title>
      <rect x="${x}" y="${y(w.reported)}" width="${bar}" height="${height - pad - y(w.reported)}" fill="#b5152b"/>
      <rect x="${x + bar}" y="${y(w.resolved)}" width="${bar}" height="${height - pad - y(w.resolved)}" fill="#3a7a3a"/>
      ${i % Math.ceil(weeks.length / 8) === 0 ? `<text x="${x}" y="${height - 10}" font-size="10">${escapeHtml(w.weekStart.slice(5))}</text>` : ''}</g>`;
  }).join('');
  return `<figure data-metric="weekly-trend"><figcaption><strong>${escapeHtml(t('perWeek'))}</strong>
      <span style="color:#b5152b">■ ${escapeHtml(t('reportedLegend'))}</span> <span style="color:#3a7a3a">■ ${escapeHtml(t('resolvedLegend'))}</span></figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(t('perWeek'))}">
      <line x1="${pad}" y1="${height - pad}" x2="${width}" y2="${height - pad}" stroke="#999"/>
      <text x="0" y="${y(max) + 4}" font-size="10">${max}</text>${bars}</svg></figure>`;
}

function render(node, metrics) {
  const openTotal = metrics.openByPriority.reduce((sum, c) => sum + c.count, 0);
  node.querySelector('[data-role=figures]').innerHTML = `
    <p class="lead" data-metric="open-total">${escapeHtml(t('openTotal', openTotal))}</p>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${table(t('openByPriority'), [t('priority'), t('open')], metrics.openByPriority.map(c => [escapeHtml(c.key), c.count]), 'open-by-priority')}</div>
      <div>${table(t('openByStep'), [t('step'), t('open')], metrics.openByStep.map(c => [escapeHtml(c.name), c.count]), 'open-by-step')}</div>
      <div>${table(t('oldestOpen'), [t('incident'), t('priority'), t('reported')], metrics.oldestOpen.map(o =>
        [`<a href="${escapeHtml(o.cockpitPath)}">${escapeHtml(o.incidentNumber || o.processInstanceId)}</a>`,
         escapeHtml(o.priority), escapeHtml(o.reportedAtText)]), 'oldest-open')}</div>
    </div>
    <h4>${escapeHtml(t('reportedBetween', metrics.from, metrics.to))}</h4>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${durationTable(t('timeToAcknowledge'), metrics.timeToAcknowledge, 'time-to-acknowledge')}</div>
      <div>${durationTable(t('timeToMitigate'), metrics.timeToMitigate, 'time-to-mitigate')}</div>
      <div>${durationTable(t('timeToResolve'), metrics.timeToResolve, 'time-to-resolve')}</div>
    </div>
    <div style="display:flex;flex-wrap:wrap;gap:2em">
      <div>${table(t('timePerStep'), [t('step'), t('done'), t('median'), t('p90')], metrics.timePerStep.map(s =>
        [escapeHtml(s.name), s.count, duration(s.medianSeconds), duration(s.p90Seconds)]), 'time-per-step')}</div>
      <div>${table(t('perClient'), [t('client'), t('count')], metrics.incidentsPerClient.map(c => [escapeHtml(c.key), c.count]), 'per-client')}</div>
      <div>${table(t('suspectedChange'), [t('reported'), t('withSuspectedChange')],
        [[metrics.suspectedChanges.reported, metrics.suspectedChanges.withSuspectedChange]], 'suspected-change')}</div>
    </div>
    ${trendChart(metrics.weeklyTrend)}`;
}

function renderView(node, api) {
  const to = new Date();
  const from = new Date(to.getTime() - (PERIOD_DAYS - 1) * 86400000);
  node.innerHTML = `<section class="incident-metrics" style="padding:1em 2em">
    <h2>${escapeHtml(t('title'))}</h2>
    <form data-role="period" class="form-inline" style="margin-bottom:1em">
      <label>${escapeHtml(t('from'))} <input type="date" name="from" value="${isoDay(from)}" class="form-control"></label>
      <label>${escapeHtml(t('to'))} <input type="date" name="to" value="${isoDay(to)}" class="form-control"></label>
      <button type="submit" class="btn btn-default">${escapeHtml(t('show'))}</button>
    </form>
    <div data-role="figures"><p>${escapeHtml(t('loading'))}</p></div></section>`;
  const form = node.querySelector('[data-role=period]');
  // Only the period asked for last is shown: an earlier answer that arrives later (the first period
  // still loading when another is picked) is dropped instead of overwriting the newer figures.
  let latest = 0;
  const show = () => {
    const asked = ++latest;
    return load(api, form.from.value, form.to.value)
      .then(metrics => {
        if (asked === latest) render(node, metrics);
      })
      .catch(error => {
        if (asked === latest) {
          node.querySelector('[data-role=figures]').innerHTML = `<p class="alert alert-danger" data-role="error">${escapeHtml(error.message)}</p>`;
        }
      });
  };
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
      node.innerHTML = `<section class="dashboard-row"><h3 class="section-title">${escapeHtml(t('incidents'))}</h3>
        <p><a href="#${ROUTE}" data-role="incident-metrics-link">${escapeHtml(t('link'))}</a> —
        ${escapeHtml(t('linkHint'))}</p></section>`;
    }
  },
  {
    id: 'incident-metrics-view',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: t('link')},
    render: (node, {api}) => renderView(node, api)
  }
];
