// An import's progress bar, updated in place: the page polls the batch's progress and reloads
// once the stage changes. Without this, the page reloads itself (a <noscript> refresh).
const POLL_MILLISECONDS = 1500;

export function watchProgress(element) {
  const url = element.dataset.progressUrl;
  const bar = element.querySelector('progress');
  const done = element.querySelector('[data-progress-done]');
  let stage = element.dataset.stage;
  async function poll() {
    try {
      const answer = await fetch(url, { headers: { Accept: 'application/json' } });
      if (answer.ok) {
        const figures = await answer.json();
        if (figures.stage !== stage) {
          window.location.reload();
          return;
        }
        bar.max = figures.total;
        bar.value = figures.done;
        bar.textContent = `${Math.round((100 * figures.done) / Math.max(figures.total, 1))}%`;
        done.textContent = figures.done.toLocaleString('en-GB');
      }
    } catch {
      // A failed poll is tried again at the next tick.
    }
    window.setTimeout(poll, POLL_MILLISECONDS);
  }
  poll();
}
