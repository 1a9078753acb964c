// The Web Worker entry: exposes the engine through Comlink so that the UI never blocks on it.
import { expose } from 'comlink';
import { createEngine } from './engine.ts';

expose(createEngine());
