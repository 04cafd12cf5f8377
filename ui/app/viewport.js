// Tells the script whether the window is narrow (a phone), see ui/app/viewport.py.
//
// Reports once when mounted and again whenever the window crosses the width, so turning a
// tablet or narrowing a desktop window brings the phone sliders in or takes them away.
export default function render({ data, setStateValue }) {
  const query = window.matchMedia(data.query);
  const report = () => setStateValue("narrow", query.matches);
  report();
  query.addEventListener("change", report);
  return () => query.removeEventListener("change", report);
}
