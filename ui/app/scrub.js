// The page follows a headline slider while it is dragged (see ui/app/scrub.py).
//
// data = {fields: {field: {keys: [widget keys: the sidebar's, the phone copy's],
//                          options: a select slider's values (the thumb holds an index) or
//                                   null (the thumb holds the value), value: the scenario's}},
//         armed: the field whose frames are here,
//         frames: JSON text {id, field, values, charts: {key: [compacted frames]},
//                 metrics: [[[value, change], ...], ...]}, or null when the browser said it
//                 holds them already (reported as the state value "have"),
//         frames_id: their name,
//         near: [[value, {chart key: figure JSON text}, [[value, change], ...]], ...] the
//               armed slider's keyboard neighbours,
//         settled: [[value, change], ...] the headline figures of this run,
//         run: a new number on every run}
//
// Streamlit's sliders are left exactly as they are. This module watches them from the page
// (a v2 component is part of the page, not an iframe): a pointer coming over a headline
// slider, a finger on it or the keyboard focus *arms* it (reported to the script, whose next
// run sends that slider's frames); a drag (mouse or touch) or an arrow key held down starts a
// scrub, during which the thumb is read on every animation frame and the frame of the nearest
// grid value is shown: the charts by an event the in-place charts listen to (live_chart.js),
// the headline figures by replacing their texts. On release the slider reports its value as
// always; the run that follows puts the server's own figures back ("settles" the page).

const S = (window.__sibScrub = window.__sibScrub || {
  data: null, // the newest data from the script
  setStateValue: null,
  frames: null, // the parsed frames of the armed slider
  framesId: null, // their name
  reported: undefined, // the name last reported as held
  asked: null, // the field whose arming was reported last
  active: null, // the scrub under way: {field, container, start, shown, ending}
  settling: null, // after a release that changed the value: {field, value, timer}
  waiting: null, // reports held back during a drag
  shownFrames: 0, // frames shown since the page opened (read by the browser tests)
  touched: 0, // when a headline slider was last touched (performance.now(); see QUIET_MS)
  last: null, // the slider last touched: {field, container} (see checkHeal)
  rendered: 0, // when the script's last run reached the page (performance.now())
  heals: 0, // values the component had to pass on for a slider (see checkHeal)
});

const METRIC = '.stMain [data-testid="stMetric"]';

// The headline field and widget container an event happened in, or null.
function sliderOf(target) {
  if (!S.data || !(target instanceof Element)) return null;
  for (const [field, spec] of Object.entries(S.data.fields)) {
    for (const key of spec.keys) {
      const container = target.closest(`.st-key-${key}`);
      if (container && container.querySelector('input[type="range"]')) return { field, container, key };
    }
  }
  return null;
}

// The value the thumb in `container` shows now (a select slider's thumb holds an index).
function thumbValue(field, container) {
  const input = container.querySelector('input[type="range"]');
  if (!input) return null;
  const raw = Number(input.value);
  const options = S.data.fields[field].options;
  return options ? options[Math.round(raw)] : raw;
}

// A chart's frames whole again (ui/app/scrub.py, _compact): a frame comes whole, or as its
// changed traces and layout entries laid over an earlier frame ("ref").
function expand(changes) {
  const frames = [];
  for (const change of changes) {
    if (change.whole) {
      frames.push(change.whole);
      continue;
    }
    const earlier = frames[change.ref];
    const data = change.data.map((trace, i) => trace || earlier.data[i]);
    frames.push({ ...earlier, data, layout: { ...earlier.layout, ...change.layout } });
  }
  return frames;
}

// Reports to the script wait while a slider is held or settling, and until no headline slider
// has been touched (pointer down or up, focus, key) for QUIET_MS. Sent about the moment of
// a release, a report's run was seen to lose the released value (the slider jumped back to
// the script's value: 3 of about 12 test drags before this wait, none of 20 since); a CI
// rehearsal saw a key press right after a focus (whose report asked for a run) whose charts
// never came. The guess: Streamlit's slider sends a key press or a release a moment after its
// thumb moves, and a run asked for in that moment draws the slider at its old value. Should
// a value be lost all the same, checkHeal passes it on.
const QUIET_MS = 400;
// How long a touched slider must be still, with a run come since, before a thumb that shows
// another value than the script's is taken for a lost value (checkHeal).
const HEAL_MS = 1500;
let healTimer = null;
let flushTimer = null;

function quiet() {
  return !S.active && !S.settling && performance.now() - (S.touched || 0) >= QUIET_MS;
}

function touched(found) {
  S.touched = performance.now();
  if (found) S.last = { field: found.field, container: found.container };
  scheduleHeal();
}

function scheduleHeal() {
  if (healTimer !== null) clearTimeout(healTimer);
  healTimer = setTimeout(checkHeal, HEAL_MS);
}

// The thumb of the slider last touched against the value of the script's last run. They
// differ for a moment after every move (until its run comes); still differing once the
// slider has been still for HEAL_MS and a run has come since (three times as long if none
// came), the slider's own message was lost: the page would show a value whose figures it
// never draws. The thumb's value is then reported ("heal"; ui/app/scrub.py checks it like a
// slider's and makes it the slider's).
function checkHeal() {
  healTimer = null;
  const last = S.last;
  if (!last || !S.data || !S.setStateValue) return;
  const since = performance.now() - S.touched;
  // With no run since the touch, its run may just be slow (a busy server): wait longer.
  const wait = S.rendered < S.touched ? 3 * HEAL_MS : HEAL_MS;
  if (S.active || since < wait) {
    if (since < 60000) healTimer = setTimeout(checkHeal, Math.max(100, wait - since));
    return;
  }
  S.last = null;
  if (!last.container.isConnected) return;
  const field = S.data.fields[last.field];
  const value = thumbValue(last.field, last.container);
  if (!field || value === null || value === undefined || Number.isNaN(value)) return;
  if (Math.abs(value - field.value) < 1e-6) return;
  S.heals += 1;
  console.warn(`sib-scrub: ${last.field} shows ${value} but the page was drawn for ${field.value}; passing it on`);
  report("heal", { field: last.field, value, n: S.heals });
}

function report(name, value) {
  if (!quiet()) {
    S.waiting = { ...(S.waiting || {}), [name]: value };
    scheduleFlush();
    return;
  }
  S.setStateValue(name, value);
}

function scheduleFlush() {
  if (flushTimer !== null) return;
  flushTimer = setTimeout(() => {
    flushTimer = null;
    flushReports();
  }, QUIET_MS);
}

function flushReports() {
  if (!S.waiting) return;
  if (!quiet()) {
    scheduleFlush(); // a drag or a settling page flushes when it ends; otherwise try again
    return;
  }
  const waiting = S.waiting;
  S.waiting = null;
  if (waiting && S.setStateValue) for (const [name, value] of Object.entries(waiting)) S.setStateValue(name, value);
}

function arm(field) {
  if (!S.setStateValue || !S.data || S.data.armed === field || S.asked === field) return;
  S.asked = field;
  S.arms = (S.arms || 0) + 1; // a new report each time, also for a slider named before
  report("armed", { field, n: S.arms });
}

// The frame to show for `value`: the index of the nearest grid value, or -1 for the value
// the drag started from (the page as the server drew it is that frame).
function nearest(value, start) {
  const frames = S.frames;
  let best = -1;
  let distance = Math.abs(value - start);
  frames.values.forEach((v, i) => {
    const d = Math.abs(value - v);
    if (d < distance - 1e-12) {
      best = i;
      distance = d;
    }
  });
  return best;
}

// Every text node under `element` with more than white space, in order (where React keeps
// the text: a node's value is changed in place, so React's next update of it still lands).
function textNodes(element) {
  const nodes = [];
  if (!element) return nodes;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.trim()) nodes.push(node);
  }
  return nodes;
}

// The first of them, or null.
function textNode(element) {
  return textNodes(element)[0] || null;
}

// Put `figures` ([value, change] each) into the page's headline metrics. A frame's change
// may point the other way than the arrow Streamlit drew for the settled one: the arrow is
// hidden while a frame is shown (`settled` false) and shown again when the page settles.
function showMetrics(figures, settled = false) {
  const shown = document.querySelectorAll(METRIC);
  if (!figures || shown.length !== figures.length) return;
  figures.forEach(([value, change], i) => {
    const valueNode = textNode(shown[i].querySelector('[data-testid="stMetricValue"]'));
    if (valueNode && valueNode.nodeValue !== value) valueNode.nodeValue = value;
    const delta = shown[i].querySelector('[data-testid="stMetricDelta"]');
    if (!delta) return; // the settled figure has no change to show, so no place for one
    const changeNode = textNode(delta);
    if (change && changeNode && changeNode.nodeValue !== change) changeNode.nodeValue = change;
    // The colour and arrow say whether the settled change is good or bad; a frame's change
    // may go the other way, so while a frame is shown they give way to a neutral look, and a
    // frame with no change (at the comparison scenario's value) hides the badge.
    delta.style.visibility = settled || change ? "" : "hidden";
    delta.style.color = settled ? "" : "inherit";
    delta.style.backgroundColor = settled ? "" : "rgba(128, 128, 128, 0.15)";
    const arrow = delta.querySelector("svg");
    if (arrow) arrow.style.visibility = settled ? "" : "hidden";
  });
}

// Put `texts` ({container key: [text, ...] or null}, ui/app/scrub.py frame_texts) into the
// text nodes of the page's keyed containers of words (the returns line, the sentences, the
// sidebar's group caption). A container is written only where it holds exactly the settled
// page's texts (checked before its first change; only React's text nodes change, never its
// structure); during a drag (`dim`), one whose frame does not fit (other words, other bold
// parts) is dimmed instead until the page settles, so no stale words pass for the frame's.
// `settled`: the run's own words, put back (the flags and the dimming go).
function showTexts(texts, { dim = false, settled = false } = {}) {
  if (!texts) return;
  for (const [key, segments] of Object.entries(texts)) {
    for (const box of document.querySelectorAll(`.st-key-${key}`)) {
      const nodes = textNodes(box);
      if (box.__sibSettledTexts === undefined) {
        const now = S.data && S.data.settled_texts && S.data.settled_texts[key];
        const same = Array.isArray(now) && now.length === nodes.length &&
          nodes.every((node, i) => node.nodeValue === now[i]);
        box.__sibSettledTexts = same;
      }
      const fits = box.__sibSettledTexts && Array.isArray(segments) && segments.length === nodes.length;
      if (fits) {
        nodes.forEach((node, i) => {
          if (node.nodeValue !== segments[i]) node.nodeValue = segments[i];
        });
      }
      box.style.opacity = fits || !dim ? "" : "0.45";
      if (settled) box.__sibSettledTexts = undefined;
    }
  }
}

function showFrame(index) {
  if (!S.active || index === S.active.shown) return;
  S.active.shown = index;
  S.shownFrames += 1;
  if (index < 0) {
    settleNow();
    return;
  }
  const figures = {};
  for (const [key, frames] of Object.entries(S.frames.charts)) figures[key] = frames[index];
  window.dispatchEvent(new CustomEvent("sib-scrub-frame", { detail: { figures } }));
  showMetrics(S.frames.metrics[index]);
  if (S.frames.texts) showTexts(S.frames.texts[index], { dim: true });
}

// Back to what the server drew: the charts' last figures and the run's headline figures.
function settleNow() {
  window.dispatchEvent(new CustomEvent("sib-scrub-settle"));
  if (S.data) showMetrics(S.data.settled, true);
  if (S.data) showTexts(S.data.settled_texts, { settled: true });
  if (!S.active && !S.settling) setTimeout(flushReports, 0);
}

// One key press moved the thumb from `before`: show the frame of the new value if the
// script sent it (the armed slider's neighbours, data.near: the figures' very JSON texts, so
// the run that follows finds the charts drawn and draws nothing again).
function stepTo(field, container, before, tries) {
  const value = thumbValue(field, container);
  if (value === before) {
    if (tries < 3) requestAnimationFrame(() => stepTo(field, container, before, tries + 1));
    return;
  }
  if (!S.data || S.data.armed !== field || S.active) return;
  const near = (S.data.near || []).find(([v]) => Math.abs(v - value) < 1e-9);
  if (!near) return;
  // Drawn once the page is idle: the slider sends its value from a timer of its own, and a
  // frame drawn before it (some 60 ms of plotly) held the message back as long.
  afterSend(() => {
    if (S.active) return;
    S.shownFrames += 1;
    window.dispatchEvent(new CustomEvent("sib-scrub-frame", { detail: { figures: near[1] } }));
    showMetrics(near[2], true); // its run follows at once and redraws the arrow
    showTexts(near[3]);
  });
}

// Run `work` once the tasks waiting now (a slider's message to the server) are done.
function afterSend(work) {
  if (window.requestIdleCallback) window.requestIdleCallback(work, { timeout: 50 });
  else setTimeout(work, 0);
}

function tick() {
  const scrub = S.active;
  if (!scrub || scrub.ending) return;
  if (S.frames && S.frames.field === scrub.field) {
    const value = thumbValue(scrub.field, scrub.container);
    if (value !== null && value !== undefined && value !== scrub.value) {
      scrub.value = value;
      showFrame(nearest(value, scrub.start));
    }
  }
  requestAnimationFrame(tick);
}

function begin(field, container) {
  if (S.active) return;
  arm(field); // sent now only when no drag holds reports back
  const start = thumbValue(field, container);
  if (start === null || start === undefined) return;
  S.active = { field, container, start, value: start, shown: -1, ending: false };
  if (S.settling) clearTimeout(S.settling.timer);
  S.settling = null;
  requestAnimationFrame(tick);
}

function end() {
  const scrub = S.active;
  if (!scrub || scrub.ending) return;
  scrub.ending = true;
  // Two frames later the slider has taken the release (and sent a changed value).
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const value = thumbValue(scrub.field, scrub.container);
      S.active = null;
      if (value === scrub.start || scrub.shown === -1) {
        settleNow(); // no new value: no run comes to settle the page
        return;
      }
      // The run that follows the release settles the page; should none come (a lost
      // connection), the server's figures are put back after a while all the same.
      const timer = setTimeout(() => {
        S.settling = null;
        settleNow();
      }, 10000);
      S.settling = { field: scrub.field, value, timer };
    })
  );
}

function listen() {
  if (window.__sibScrubListening) return;
  window.__sibScrubListening = true;
  const opts = { capture: true, passive: true };
  document.addEventListener(
    "pointerover",
    (event) => {
      const found = sliderOf(event.target);
      // Reported at once (unless a slider was just pressed or let go): a pointer comes over a
      // slider well before it lets go of it, and a drag begun before the frames came shows
      // none until its release (reports wait while a slider is held).
      if (found) arm(found.field);
    },
    opts
  );
  document.addEventListener(
    "focusin",
    (event) => {
      const found = sliderOf(event.target);
      if (!found) return;
      touched(found);
      arm(found.field);
    },
    opts
  );
  document.addEventListener(
    "pointerdown",
    (event) => {
      const found = sliderOf(event.target);
      if (!found) return;
      touched(found);
      begin(found.field, found.container);
    },
    opts
  );
  window.addEventListener("pointerup", (event) => {
    if (S.active) touched();
    end(event);
  }, opts);
  window.addEventListener("pointercancel", end, opts);
  // A single key press moves the slider one step and reruns at once (its frame, when here,
  // is shown meanwhile: stepTo); an arrow key held down (the key repeating) scrubs like a
  // drag until it is let go.
  document.addEventListener(
    "keydown",
    (event) => {
      if (!/^(Arrow|Page|Home|End)/.test(event.key)) return;
      const found = sliderOf(event.target);
      if (!found) return;
      touched(found);
      if (event.repeat) {
        begin(found.field, found.container);
      } else if (!S.active) {
        const before = thumbValue(found.field, found.container);
        requestAnimationFrame(() => stepTo(found.field, found.container, before, 0));
      }
    },
    opts
  );
  document.addEventListener("keyup", (event) => {
    if (S.active) touched();
    end(event);
  }, opts);
}

export default function render({ data, setStateValue }) {
  S.data = data;
  S.rendered = performance.now();
  S.setStateValue = setStateValue;
  // Asked and answered, or no longer waiting to be asked: the slider may be asked for again.
  if (data.armed === S.asked || !(S.waiting && "armed" in S.waiting)) S.asked = null;
  if (data.frames) {
    if (S.framesId !== data.frames_id) {
      S.frames = JSON.parse(data.frames);
      for (const key of Object.keys(S.frames.charts)) S.frames.charts[key] = expand(S.frames.charts[key]);
      S.framesId = data.frames_id;
    }
    // Held now: later runs name these frames without sending them again.
    if (S.reported !== data.frames_id) {
      S.reported = data.frames_id;
      report("have", data.frames_id);
    }
  } else if (data.frames_id !== S.framesId) {
    // Frames the script thinks are here, but are not (the page was reloaded): ask again.
    S.frames = null;
    S.framesId = null;
    if (data.frames_id && S.reported !== null) {
      S.reported = null;
      report("have", null);
    }
  }
  listen();
  if (!S.active && !S.settling) {
    // A run with no drag under way: the page holds the run's own words again (a key press's
    // frame wrote the same ones), so what was known of the containers' texts is forgotten.
    for (const key of Object.keys(data.settled_texts || {})) {
      for (const box of document.querySelectorAll(`.st-key-${key}`)) {
        box.__sibSettledTexts = undefined;
        box.style.opacity = "";
      }
    }
  }
  const settling = S.settling;
  if (settling && !S.active) {
    const field = data.fields[settling.field];
    // The run of the released value (an earlier run, of a value passed on the way, may
    // come first): its charts have just been handed to the in-place charts.
    if (field && Math.abs(field.value - settling.value) < 1e-9) {
      clearTimeout(settling.timer);
      S.settling = null;
      setTimeout(settleNow, 0);
    }
  } else if (S.active && S.active.shown >= 0 && S.frames) {
    // A run during the scrub (a held key sends each step): keep showing the frame.
    const shown = S.active.shown;
    setTimeout(() => {
      if (!S.frames) return;
      showMetrics(S.frames.metrics[shown]);
      if (S.frames.texts) showTexts(S.frames.texts[shown], { dim: true });
    }, 0);
  }
}
