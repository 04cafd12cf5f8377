// A plotly chart that stays on the page and is redrawn in place (see ui/app/live_chart.py).
//
// Streamlit calls the default export for the first render of an element and again whenever
// its data changes, always with the same `parentElement` for the same key. We keep one chart
// node (`gd`) per parentElement and hand every new figure to Plotly.react, which diffs it
// against what is drawn: no new node, no blank frame, hover and zoom handlers stay attached.
//
// data = {figure: plotly figure JSON (a string), config: plotly config, plotly: URL of
//         plotly.min.js, height: px, alt: the words of the text alternative, narrow: the
//         phone width (px), magnify: [width, height] of the screen the figure was made for,
//         or null}

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

// A figure arrives as plotly's JSON text (from the script) or as an object (a frame of a
// dragged slider, ui/app/scrub.js); either way the chart gets its own copy to change.
const parseFigure = (figure) =>
  typeof figure === "string" ? JSON.parse(figure) : structuredClone(figure);

// Every chart on the page by its key, for the frames of a dragged slider.
const CHARTS = (window.__sibLiveCharts = window.__sibLiveCharts || new Map());

// Draw the newest figure waiting for this chart. Renders that arrive while plotly.js is still
// loading or a draw is under way only replace `pending`, so a quick series of slider moves
// ends in one draw of the last figure rather than a queue of stale ones.
function drawPending(chart, Plotly) {
  const data = chart.pending;
  if (!data) return undefined;
  chart.pending = undefined;
  chart.last = data;
  chart.factor = magnification(data.magnify);
  let figure = figureOf(data, chart.factor);
  const config = data.config || {};
  chart.narrowWidth = data.narrow;
  chart.narrow = isNarrow(chart.gd, chart.narrowWidth);
  if (!chart.narrow) chart.fit = undefined;
  // On a phone, the line breaks found for the last figure are used at once (see below).
  const grown = chart.fit ? chart.fit.grow : 0;
  if (chart.fit) applyFit(figure, chart.fit);
  // A magnified chart's height changes with the window's: hold the new one.
  if (data.magnify) chart.gd.style.minHeight = `${figure.layout.height}px`;
  return Plotly.react(chart.gd, figure.data || [], figure.layout || {}, config)
    .then(() => {
      describe(chart.gd, figure, data.alt);
      if (!chart.drawn) chart.gd.on("plotly_afterplot", () => spacePercentTicks(chart.gd));
      chart.drawn = true;
      spacePercentTicks(chart.gd);
      if (!chart.narrow) return undefined;
      chart.fit = chart.fit || { breaks: new Map(), originals: new Map(), grow: 0 };
      return refit(chart, data, figure, config, grown, 2);
    });
}

// Draw `data`'s figure again with the breaks that make its texts fit, while new ones are
// found (a broken y title narrows the plot, which may then need its x title broken), at
// most `passes` times.
function refit(chart, data, drawn, config, grown, passes) {
  if (passes === 0 || !findFit(chart.gd, drawn, chart.fit, grown)) return undefined;
  const figure = figureOf(data, chart.factor);
  applyFit(figure, chart.fit);
  chart.gd.style.minHeight = `${figure.layout.height}px`;
  return window.Plotly.react(chart.gd, figure.data || [], figure.layout, config).then(() =>
    refit(chart, data, figure, config, chart.fit.grow, passes - 1)
  );
}

// The chart's text alternative (WCAG 2.1, 1.1.1): its node is a figure to assistive
// technology, named by the chart's title, its axes and its series, in the page's language
// (`words` are the connecting words, from ui/app/live_chart.py). The sentences beside each
// chart say what it shows; this says what it is. Set on every draw: a moved slider can
// retitle a chart.
const plain = (value) =>
  String((value && value.text) || (typeof value === "string" ? value : ""))
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]+>/g, "")
    .trim();
function describe(gd, figure, words) {
  if (!words) return;
  const layout = figure.layout || {};
  const x = plain((layout.xaxis || {}).title);
  const y = plain((layout.yaxis || {}).title);
  const names = (figure.data || [])
    .filter((trace) => trace.showlegend !== false && trace.name)
    .map((trace) => plain(trace.name));
  const parts = [plain(layout.title) || words.chart];
  if (x && y) parts.push(`${y} ${words.against} ${x}`);
  if (names.length) parts.push(`${words.series}: ${[...new Set(names)].join(", ")}`);
  gd.setAttribute("role", "figure");
  gd.setAttribute("aria-label", `${parts.join(". ")}.`);
}

// d3's percent format writes "40%" whatever the figure's `separators`; Danish writes "40 %".
// A figure with a decimal comma (Danish) gets the space put into its percent tick labels
// after every draw (plotly redraws ticks on react, zoom and resize).
// Every axis of every subplot (".y3tick" too), and a colour bar's.
const PERCENT_TICKS =
  ".xaxislayer-above text, .yaxislayer-above text, .colorbar text, .cbaxis text";
function spacePercentTicks(gd) {
  const separators = (gd._fullLayout && gd._fullLayout.separators) || ".,";
  if (separators[0] !== ",") return;
  for (const text of gd.querySelectorAll(PERCENT_TICKS)) {
    const now = text.textContent;
    if (/\d%$/.test(now)) text.textContent = now.replace(/%$/, "\u00a0%");
  }
}

// --- Presenter mode on a big screen ---------------------------------------------------------
// Presenter mode is laid out for a projector of `data.magnify` CSS px (1280×720). On a larger
// screen the page's CSS magnifies every text, gap and the sidebar by the screen's factor, the
// smaller of its two ratios to that screen, never below 1 (ui/app/layout.py, PRESENTER_CSS's
// --sib-u: 1.5 at 1920×1080); the chart follows with the same factor, its height, margins and
// every font size multiplied, so it fills a 1920×1080 screen as it fills a 1280×720 one.
function magnification(magnify) {
  if (!magnify) return 1;
  return Math.max(1, Math.min(window.innerWidth / magnify[0], window.innerHeight / magnify[1]));
}

// `data`'s figure, parsed, magnified by `factor`: every `size` of a font (font, tickfont,
// textfont, ...) and of a marker, axis titles' `standoff`, the margins and the height.
function figureOf(data, factor) {
  const figure = parseFigure(data.figure);
  if (factor === 1) return figure;
  const grow = (node) => {
    if (Array.isArray(node)) return node.forEach(grow);
    if (!node || typeof node !== "object") return undefined;
    for (const [key, value] of Object.entries(node)) {
      const sized = value && typeof value.size === "number";
      if (sized && (/font$/.test(key) || key === "marker")) value.size *= factor;
      if (key === "standoff" && typeof value === "number") node[key] = value * factor;
      grow(value);
    }
    return undefined;
  };
  grow(figure.data);
  const layout = (figure.layout = figure.layout || {});
  grow(layout);
  for (const side of ["l", "r", "t", "b"]) {
    if (layout.margin && typeof layout.margin[side] === "number") layout.margin[side] *= factor;
  }
  layout.height = (layout.height || 450) * factor;
  return figure;
}

// --- Narrow charts ----------------------------------------------------------------------
// On a phone, or in a half-width column (a chart at most `data.narrow` px wide), a long axis
// title, chart title or category label of a horizontal bar chart may not fit: plotly centres an
// axis title on its axis and cuts nothing, so the title runs off the chart or into the
// chart's title. After a draw every such text is measured; one that does not fit is broken
// into lines at spaces (plotly's <br>), room is made for the added lines, and the figure is
// drawn once more. The breaks are kept (`chart.fit`), so the next figure of the same chart
// (a slider moved) gets them before its first draw and is drawn once, at its final height.
// Wider charts are left as they are.
// `data.narrow` is the app's one phone width (`ui.spec.pages.PHONE_WIDTH`), sent with each figure.
const isNarrow = (gd, narrow) => gd.clientWidth > 0 && gd.clientWidth <= narrow;

// `text` broken at spaces into lines of at most `chars` characters (a longer word keeps its
// own line), or unchanged when it is short enough or has line breaks already.
function breakLines(text, chars) {
  if (typeof text !== "string" || text.length <= chars || text.includes("<br")) return text;
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join("<br>");
}

// How many characters fit on a line of `room` px, when `text` (its longest line) is `extent`
// px long.
const charsIn = (text, extent, room) => {
  const longest = Math.max(...String(text).split("<br>").map((line) => line.length));
  return Math.max(8, Math.floor((room / extent) * (longest || 1)));
};

// Note in `fit` the breaks (and the height added to the chart, `grown` px in this draw) that
// make the drawn chart `gd`'s texts fit; true when anything new was found.
function findFit(gd, figure, fit, grown) {
  const full = gd._fullLayout;
  const plot = full && full._size;
  if (!plot) return false;
  const box = gd.getBoundingClientRect();
  let found = false;
  // Break the drawn `text` (maybe broken already, into lines too long still) anew from its
  // original, into lines of `chars` characters.
  const note = (text, chars) => {
    const original = fit.originals.get(text) || text;
    const broken = breakLines(original, chars);
    if (broken !== original && broken !== text) {
      fit.breaks.set(original, broken);
      fit.originals.set(broken, original);
      found = true;
    }
  };
  for (const name of Object.keys(full)) {
    const match = /^([xy])axis(\d*)$/.exec(name);
    const text = match && full[name].title && full[name].title.text;
    const node = text && gd.querySelector(`.g-${match[1]}${match[2]}title text`);
    if (!node) continue;
    const r = node.getBoundingClientRect();
    // An x title is centred under its plot and may use the chart's width; a y title is
    // centred beside its plot and must keep within the plot's height (above it sits the
    // chart's title).
    const centre = (r.left + r.right) / 2;
    const [extent, room] =
      match[1] === "x"
        ? [r.width, 2 * Math.min(centre - box.left, box.right - centre) - 8]
        : [r.height, full[name]._length + 10];
    if (extent > room + 1) note(text, charsIn(text, extent, room));
  }
  const title = gd.querySelector(".gtitle");
  const titleText = full.title && full.title.text;
  if (title && titleText) {
    const r = title.getBoundingClientRect();
    const room = box.right - r.left - 8;
    if (r.width > room + 1) note(titleText, charsIn(titleText, r.width, room));
  }
  // A horizontal bar chart whose category labels take more than 60 % of the width: the labels
  // are broken into lines of about 40 % of the width, and the chart grows so that every bar
  // has room for its label's lines.
  const bars = (figure.data || []).filter((t) => t.orientation === "h" && Array.isArray(t.y));
  if (bars.length) {
    const tick = gd.querySelector(".yaxislayer-above text");
    const size = tick ? parseFloat(getComputedStyle(tick).fontSize) : 11;
    if (plot.w < 0.4 * box.width) {
      const chars = Math.max(10, Math.floor((0.4 * box.width) / (0.55 * size)));
      for (const trace of bars) for (const label of trace.y) note(label, chars);
    }
    const rows = Math.max(...bars.map((t) => t.y.length));
    const lines = Math.max(
      ...bars.flatMap((t) => t.y.map((label) => (fit.breaks.get(label) || String(label)).split("<br>").length))
    );
    const needed = Math.ceil(rows * lines * size * 1.3);
    if (lines > 1 && needed > plot.h + 1) {
      fit.grow = grown + needed - plot.h;
      found = true;
    }
  }
  return found;
}

// Put the breaks of `fit` into `figure`, with room for the added lines of its title and the
// height added for its bars' labels.
function applyFit(figure, fit) {
  const layout = (figure.layout = figure.layout || {});
  const broken = (text) => fit.breaks.get(text) || text;
  for (const name of Object.keys(layout)) {
    const axis = layout[name];
    if (!/^[xy]axis\d*$/.test(name) || !axis || !axis.title) continue;
    if (typeof axis.title === "string") axis.title = { text: axis.title };
    if (fit.breaks.has(axis.title.text)) {
      axis.title.text = broken(axis.title.text);
      axis.automargin = true;
    }
  }
  if (typeof layout.title === "string") layout.title = { text: layout.title };
  if (layout.title && fit.breaks.has(layout.title.text)) {
    const text = broken(layout.title.text);
    const template = (layout.template && layout.template.layout) || {};
    const font = layout.title.font || (template.title && template.title.font) || {};
    const size = font.size || 15;
    const added = (text.split("<br>").length - 1) * size * 1.3;
    // Hung from the top of the chart, the added lines grow into the added margin (centred,
    // they would also grow down into what sits above the plot). plotly sets a title of
    // several lines about one line higher than its anchor, hence the padding of one line.
    Object.assign(layout.title, {
      text,
      yref: "container",
      y: 1,
      yanchor: "top",
      pad: { t: 10 + size },
    });
    layout.margin = { ...(layout.margin || {}) };
    layout.margin.t = (layout.margin.t ?? 100) + added;
  }
  for (const trace of figure.data || []) {
    if (trace.orientation === "h" && Array.isArray(trace.y)) trace.y = trace.y.map(broken);
  }
  layout.height = (layout.height || 450) + fit.grow;
}

function createChart(parentElement) {
  const gd = document.createElement("div");
  gd.className = "sib-live-chart";
  gd.style.width = "100%";
  parentElement.appendChild(gd);
  const chart = { gd, pending: undefined, drawn: false, queue: Promise.resolve() };
  const redraw = () => {
    chart.pending = chart.pending || chart.last;
    chart.queue = chart.queue.then(() => drawPending(chart, window.Plotly));
  };
  const magnified = () => chart.last && magnification(chart.last.magnify) !== chart.factor;
  // plotly's own `responsive` option follows window resizes only; the chart's column also
  // changes width when the sidebar opens or closes.
  chart.resizeObserver = new ResizeObserver(() => {
    if (!chart.drawn || !window.Plotly || !gd.isConnected) return;
    if (chart.last && (isNarrow(gd, chart.narrowWidth) !== chart.narrow || magnified())) {
      // Across the phone width, or to another magnification: draw the figure afresh (its
      // texts fitted anew, or whole; its sizes for this screen).
      redraw();
    } else {
      window.Plotly.Plots.resize(gd);
    }
  });
  chart.resizeObserver.observe(gd);
  // A window made only taller or shorter leaves the chart's width alone but may change its
  // magnification.
  chart.onWindowResize = () => {
    if (chart.drawn && window.Plotly && gd.isConnected && magnified()) redraw();
  };
  window.addEventListener("resize", chart.onWindowResize);
  return chart;
}

function queueDraw(chart, data) {
  chart.pending = data;
  chart.queue = chart.queue
    .then(() => loadPlotly(data.plotly))
    .then((Plotly) => drawPending(chart, Plotly))
    .catch((error) => {
      chart.gd.textContent = String(error);
      console.error(error);
    });
}

// --- Frames of a dragged slider (ui/app/scrub.js) ---------------------------------------
// While a headline slider is dragged, scrub.js sends the frame of the thumb's value
// ("sib-scrub-frame", figures by chart key), drawn like any figure; figures from the script
// that arrive meanwhile (a held arrow key reruns at each step) are kept, not drawn, so the
// chart does not jump back. "sib-scrub-settle" draws the script's newest figure again.
const scrubbing = () => Boolean(window.__sibScrub && window.__sibScrub.active);
if (!window.__sibLiveChartFrames) {
  window.__sibLiveChartFrames = true;
  window.addEventListener("sib-scrub-frame", (event) => {
    for (const [key, figure] of Object.entries(event.detail.figures)) {
      const chart = CHARTS.get(key);
      if (!chart || !chart.server || !figure) continue;
      chart.scrubbed = true;
      // A frame given as JSON text (a key press's) is the very text the next run sends.
      chart.frameText = typeof figure === "string" ? figure : undefined;
      queueDraw(chart, { ...chart.server, figure });
    }
  });
  window.addEventListener("sib-scrub-settle", () => {
    for (const chart of CHARTS.values()) {
      if (!chart.scrubbed && !chart.held) continue;
      chart.frameText = undefined;
      chart.scrubbed = chart.held = false;
      queueDraw(chart, chart.server);
    }
  });
}

export default function render({ parentElement, data }) {
  let chart = parentElement.__sibLiveChart;
  if (!chart) chart = parentElement.__sibLiveChart = createChart(parentElement);
  // Hold the figure's height before plotly has drawn, so nothing below jumps.
  chart.gd.style.minHeight = `${data.height * magnification(data.magnify)}px`;
  chart.server = data;
  CHARTS.set(data.key, chart);
  if (scrubbing() && chart.scrubbed) {
    chart.held = true;
  } else if (chart.scrubbed && chart.frameText === data.figure) {
    chart.scrubbed = chart.held = false; // drawn already, as a key press's frame
  } else {
    chart.scrubbed = chart.held = false;
    queueDraw(chart, data);
  }

  // Streamlit runs this cleanup before every new render of the same element too, not only
  // when the element goes away; tear the chart down only once the node has really left the
  // page (checked after the current React commit has finished).
  return () => {
    setTimeout(() => {
      if (parentElement.isConnected || parentElement.__sibLiveChart !== chart) return;
      chart.resizeObserver.disconnect();
      if (chart.server && CHARTS.get(chart.server.key) === chart) CHARTS.delete(chart.server.key);
      window.removeEventListener("resize", chart.onWindowResize);
      if (window.Plotly) window.Plotly.purge(chart.gd);
      chart.gd.remove();
      delete parentElement.__sibLiveChart;
    }, 0);
  };
}
