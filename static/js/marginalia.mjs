// Starts GOV.UK Frontend's components; every page works without this.
import { initAll } from '../govuk/govuk-frontend.min.js';

initAll();
