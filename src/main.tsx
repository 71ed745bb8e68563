import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installTestHooks } from './app/testHooks';
import './app/styles.css';

installTestHooks();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Start-up (Dexie, the stored deck versions) is its own chunk, fetched beside this one (see vite.config.ts).
const booting = import('./app/boot').then((module) => module.boot());
createRoot(container).render(<App booting={booting} />);
