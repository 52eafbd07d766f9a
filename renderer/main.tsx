import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge, loadSettings } from './app/loadSettings';
import { startWall } from './app/startWall';
import { createWallStore } from './store/store';
import { StoreContext } from './store/storeContext';
import { Wall } from './wall/Wall';
import { EmptyState } from './wall/EmptyState';
import './styles/base.css';
import './styles/chrome.css';
import './styles/statusbar.css';
import './styles/health.css';
import './styles/cards.css';
import './styles/slo.css';
import './styles/incidents.css';
import './styles/quiet.css';

async function main(): Promise<void> {
  const element = document.getElementById('root');
  if (element === null) throw new Error('index.html has no #root');
  const root = createRoot(element);
  const bridge = findBridge();
  const loaded = await loadSettings(bridge);
  if (!loaded.ok) {
    root.render(<EmptyState message={loaded.reason} />);
    return;
  }
  const store = createWallStore(loaded.settings, Date.now());
  startWall(store, bridge);
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <Wall />
      </StoreContext.Provider>
    </StrictMode>,
  );
}

void main();
