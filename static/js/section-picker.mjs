// A type-ahead for a long plan's section picker (templates/responses/_section_picker.html):
// GOV.UK's accessible-autocomplete finds a section by its number or words and ticks its box,
// which moves up to "Chosen now". Without this script the same boxes and numbers are posted.
// On a filter's box of section numbers (responses.section_picker.SectionNumbersInput) it adds
// the number of the section found to the box.

let loading;

function loadAutocomplete(src) {
  if (window.accessibleAutocomplete) return Promise.resolve(window.accessibleAutocomplete);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(window.accessibleAutocomplete);
    script.onerror = reject;
    document.head.append(script);
  });
  return loading;
}

function matches(boxes, query) {
  const words = query.trim().toLowerCase();
  if (!words) return [];
  const open = boxes.filter((box) => !box.checked);
  const byNumber = open.filter((box) => box.dataset.sectionLabel.toLowerCase().startsWith(`section ${words}`));
  const byWords = open.filter(
    (box) => !byNumber.includes(box) && box.dataset.sectionLabel.toLowerCase().includes(words),
  );
  return [...byNumber, ...byWords].slice(0, 20).map((box) => box.dataset.sectionLabel);
}

export function enhanceSectionPicker(picker) {
  const finder = picker.querySelector('[data-picker-finder]');
  const holder = picker.querySelector('[data-picker-autocomplete]');
  const chosen = picker.querySelector('[data-picker-chosen]');
  const boxes = [...picker.querySelectorAll('input[data-section-label]')];
  const showChosen = () => {
    const some = boxes.some((box) => box.checked && chosen.contains(box));
    picker.querySelector('[data-picker-none]').hidden = some;
    picker.querySelector('[data-picker-some]').hidden = !some;
  };
  loadAutocomplete(picker.dataset.autocompleteSrc).then((accessibleAutocomplete) => {
    finder.hidden = false;
    accessibleAutocomplete({
      element: holder,
      id: holder.dataset.id,
      source: (query, populate) => populate(matches(boxes, query)),
      minLength: 1,
      displayMenu: 'overlay',
      confirmOnBlur: false,
      tNoResults: () => 'No section not yet chosen matches',
      onConfirm: (label) => {
        const box = boxes.find((each) => each.dataset.sectionLabel === label);
        if (!box) return;
        box.checked = true;
        chosen.append(box.closest('.govuk-checkboxes__item'));
        showChosen();
        const input = holder.querySelector('input');
        setTimeout(() => { input.value = ''; input.focus(); }, 0);
      },
    });
  }).catch(() => {}); // without the type-ahead the picker still works
}

function labelsMatching(labels, query) {
  const words = query.trim().toLowerCase();
  if (!words) return [];
  const byNumber = labels.filter((label) => label.toLowerCase().startsWith(`section ${words}`));
  const byWords = labels.filter((label) => !byNumber.includes(label) && label.toLowerCase().includes(words));
  return [...byNumber, ...byWords].slice(0, 20);
}

export function enhanceSectionNumbers(box) {
  let numberOf = new Map();
  fetch(box.dataset.sectionsSrc)
    .then((response) => response.json())
    .then(({ sections }) => { numberOf = new Map(sections.map(([number, label]) => [label, number])); })
    .catch(() => {});
  const group = document.createElement('div');
  group.className = 'govuk-form-group marginalia-section-picker__finder';
  const label = document.createElement('label');
  label.className = 'govuk-label govuk-label--s';
  label.htmlFor = `${box.id}_find`;
  label.textContent = 'Or find a section by its number or words';
  const holder = document.createElement('div');
  group.append(label, holder);
  loadAutocomplete(box.dataset.autocompleteSrc).then((accessibleAutocomplete) => {
    box.closest('.govuk-form-group').after(group);
    accessibleAutocomplete({
      element: holder,
      id: `${box.id}_find`,
      source: (query, populate) => populate(labelsMatching([...numberOf.keys()], query)),
      minLength: 1,
      displayMenu: 'overlay',
      confirmOnBlur: false,
      tNoResults: () => 'No section matches',
      onConfirm: (found) => {
        const number = numberOf.get(found);
        if (!number) return;
        const typed = box.value.split(',').map((each) => each.trim()).filter(Boolean);
        if (!typed.includes(number)) box.value = [...typed, number].join(', ');
        const input = holder.querySelector('input');
        setTimeout(() => { input.value = ''; input.focus(); }, 0);
      },
    });
  }).catch(() => {}); // without the type-ahead the box of numbers still works
}
