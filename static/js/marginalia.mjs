// Starts GOV.UK Frontend's components, and our own; every page works without this.
import { initAll } from '../govuk/govuk-frontend.min.js';
import { watchProgress } from './progress.mjs';

initAll();
document.querySelectorAll('[data-module="marginalia-progress"]').forEach(watchProgress);
const pickers = document.querySelectorAll('[data-module="marginalia-section-picker"]');
const numberBoxes = document.querySelectorAll('[data-module="marginalia-section-numbers"]');
if (pickers.length || numberBoxes.length) {
  import('./section-picker.mjs').then(({ enhanceSectionPicker, enhanceSectionNumbers }) => {
    pickers.forEach(enhanceSectionPicker);
    numberBoxes.forEach(enhanceSectionNumbers);
  });
}
