// A plotly chart that stays on the page and is redrawn in place (see ui/live_chart.py).
//
// Streamlit calls the default export for the first render of an element and again whenever
// its data changes, always with the same `parentElement` for the same key. We keep one chart
// node (`gd`) per parentElement and hand every new figure to Plotly.react, which diffs it
// against what is drawn: no new node, no blank frame, hover and zoom handlers stay attached.
//
// data = {figure: plotly figure JSON (a string), config: plotly config, plotly: URL of
//         plotly.min.js, height: px}

// One <script> for plotly.js per page, shared by every chart (and by every copy of this
// module, should Streamlit evaluate it more than once).
function loadPlotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__sibPlotlyLoading) {
    window.__sibPlotlyLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window.__sibPlotlyLoading = undefined; // let the next render try again
        reject(new Error(`could not load plotly.js from ${url}`));
      };
      document.head.appendChild(script);
    });
  }
  return window.__sibPlotlyLoading;
}

// Draw the newest figure waiting for this chart. Renders that arrive while plotly.js is still
// loading or a draw is under way only replace `pending`, so a quick series of slider moves
// ends in one draw of the last figure rather than a queue of stale ones.
function drawPending(chart, Plotly) {
  const data = chart.pending;
  if (!data) return undefined;
  chart.pending = undefined;
  const figure = JSON.parse(data.figure);
  return Plotly.react(chart.gd, figure.data || [], figure.layout || {}, data.config || {})
    .then(() => {
      if (!chart.drawn) chart.gd.on("plotly_afterplot", () => spacePercentTicks(chart.gd));
      chart.drawn = true;
      spacePercentTicks(chart.gd);
    });
}

// d3's percent format writes "40%" whatever the figure's `separators`; Danish writes "40 %".
// A figure with a decimal comma (Danish) gets the space put into its percent tick labels
// after every draw (plotly redraws ticks on react, zoom and resize).
const PERCENT_TICKS = ".xtick text, .ytick text, .colorbar text, .cbaxis text";
function spacePercentTicks(gd) {
  const separators = (gd._fullLayout && gd._fullLayout.separators) || ".,";
  if (separators[0] !== ",") return;
  for (const text of gd.querySelectorAll(PERCENT_TICKS)) {
    const now = text.textContent;
    if (/\d%$/.test(now)) text.textContent = now.replace(/%$/, "\u00a0%");
  }
}

function createChart(parentElement) {
  const gd = document.createElement("div");
  gd.className = "sib-live-chart";
  gd.style.width = "100%";
  // plotly measures text and boxes while it draws, and every measurement makes the browser
  // lay out whatever is dirty; contained, a chart's measurements lay out the chart alone, not
  // the whole page the same rerun has just changed.
  gd.style.contain = "layout paint style";
  parentElement.appendChild(gd);
  const chart = { gd, pending: undefined, drawn: false, queue: Promise.resolve() };
  // plotly's own `responsive` option follows window resizes only; the chart's column also
  // changes width when the sidebar opens or closes.
  chart.resizeObserver = new ResizeObserver(() => {
    if (chart.drawn && window.Plotly && gd.isConnected) window.Plotly.Plots.resize(gd);
  });
  chart.resizeObserver.observe(gd);
  return chart;
}

export default function render({ parentElement, data }) {
  let chart = parentElement.__sibLiveChart;
  if (!chart) chart = parentElement.__sibLiveChart = createChart(parentElement);
  // Hold the figure's height before plotly has drawn, so nothing below jumps.
  chart.gd.style.minHeight = `${data.height}px`;
  chart.pending = data;
  chart.queue = chart.queue
    .then(() => loadPlotly(data.plotly))
    .then((Plotly) => drawPending(chart, Plotly))
    .catch((error) => {
      chart.gd.textContent = String(error);
      console.error(error);
    });

  // Streamlit runs this cleanup before every new render of the same element too, not only
  // when the element goes away; tear the chart down only once the node has really left the
  // page (checked after the current React commit has finished).
  return () => {
    setTimeout(() => {
      if (parentElement.isConnected || parentElement.__sibLiveChart !== chart) return;
      chart.resizeObserver.disconnect();
      if (window.Plotly) window.Plotly.purge(chart.gd);
      chart.gd.remove();
      delete parentElement.__sibLiveChart;
    }, 0);
  };
}
