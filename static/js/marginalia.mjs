// Starts GOV.UK Frontend's components, and our own; every page works without this.
import { initAll } from '../govuk/govuk-frontend.min.js';
import { watchProgress } from './progress.mjs';

initAll();
document.querySelectorAll('[data-module="marginalia-progress"]').forEach(watchProgress);
