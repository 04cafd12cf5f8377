// The link to this view, with a button that copies it (see ui/app/copy_link.py).
//
// data = {link: the address, label: the field's accessible name, copy: the button's text,
//         copied: its text for a moment after copying}
// The markup is fixed; the link and the words are set as values and text, never as HTML.
export default function render({ parentElement, data }) {
  let box = parentElement.querySelector(".sib-copy-link");
  if (!box) {
    box = document.createElement("div");
    box.className = "sib-copy-link";
    box.innerHTML = '<input type="text" readonly spellcheck="false"><button type="button"></button>';
    parentElement.appendChild(box);
  }
  const [field, button] = box.children;
  field.value = data.link;
  field.setAttribute("aria-label", data.label);
  field.title = data.link;
  button.textContent = data.copy;
  // A tap or click in the field selects the whole link, for copying by hand.
  field.onfocus = () => field.select();
  button.onclick = async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(data.link);
    } catch {
      // No clipboard API outside a secure context (http on a workshop's LAN address): copy
      // the selection the old way.
      document.execCommand("copy");
    }
    button.textContent = data.copied;
    setTimeout(() => (button.textContent = data.copy), 1500);
  };
}
