// Puts the page's words into Streamlit's file uploader (see ui/app/file_upload.py).
//
// data = {selector: the uploader's element (its key's class), button: the button's text,
//         limit: the line under it, input: the file input's accessible name,
//         drag: the text shown while a file is dragged over it}
// Streamlit writes these in English and redraws them (after a file is removed, while a file
// is dragged over), so they are put in again whenever the widget changes. Text is set as
// text, never as HTML.
const DRAG_TEXT = /^Drag and drop/;

export default function render({ data }) {
  const setText = (element, text) => {
    if (element && element.textContent !== text) element.textContent = text;
  };
  const apply = () => {
    const widget = document.querySelector(data.selector);
    if (!widget) return;
    const zone = widget.querySelector('[data-testid="stFileUploaderDropzone"]');
    if (!zone) return;
    setText(zone.querySelector('button [data-testid="stMarkdownContainer"] p'), data.button);
    setText(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'),
            data.limit);
    const input = zone.querySelector('[data-testid="stFileUploaderDropzoneInput"]');
    if (input && input.getAttribute("aria-label") !== data.input)
      input.setAttribute("aria-label", data.input);
    for (const element of zone.querySelectorAll("div, span")) {
      if (element.children.length === 0 && DRAG_TEXT.test(element.textContent))
        setText(element, data.drag);
    }
  };
  apply();
  // Watch the main area (the uploader may be drawn after this component, and Streamlit
  // replaces its parts); apply() changes text only where it differs, so it settles at once.
  const observer = new MutationObserver(apply);
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  observer.observe(main, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
