// Tells the script whether the window is narrow (a phone), see ui/app/viewport.py.
//
// Reports when mounted or redrawn if the window is on the other side of the width than the
// script believes (`data.narrow`: what it last heard, false before anything), and whenever
// the window crosses the width, so turning a tablet or narrowing a desktop window brings the
// phone sliders in or takes them away. A wide window reports nothing on opening: a report
// costs a second script run.
const probes = new WeakMap(); // parentElement → {query, report, setStateValue}

export default function render({ data, parentElement, setStateValue }) {
  let probe = probes.get(parentElement);
  if (!probe) {
    const query = window.matchMedia(data.query);
    probe = { query, setStateValue };
    probe.report = () => probe.setStateValue("narrow", query.matches);
    query.addEventListener("change", probe.report);
    probes.set(parentElement, probe);
  }
  probe.setStateValue = setStateValue;
  if (probe.query.matches !== Boolean(data.narrow)) probe.report();
  return () => {
    probe.query.removeEventListener("change", probe.report);
    probes.delete(parentElement);
  };
}
