// Replaces the webjar's (empty) Cockpit config.js; only the Incident Flow plugin is added.
export default {
  customScripts: [
    // Incident metrics: a dashboard tile and the #/incident-metrics view (docs/metrics.md).
    'scripts/incident-metrics/incident-metrics-plugin'
  ]
};
