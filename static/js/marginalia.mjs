// Starts GOV.UK Frontend's components, and our own; every page works without this.
import { initAll } from '../govuk/govuk-frontend.min.js';
import { watchProgress } from './progress.mjs';

initAll();
document.querySelectorAll('[data-module="marginalia-progress"]').forEach(watchProgress);
const pickers = document.querySelectorAll('[data-module="marginalia-section-picker"]');
if (pickers.length) {
  import('./section-picker.mjs').then(({ enhanceSectionPicker }) => pickers.forEach(enhanceSectionPicker));
}
