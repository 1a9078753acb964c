// One line over the editor saying what the open built-in scenario shows.
import { builtinScenarios } from '../../engine/scenario/builtins.ts';
import { useAppStore } from '../store/index.ts';

export function ScenarioDescription() {
  const builtinId = useAppStore((s) => s.builtinId);
  const scenario = builtinScenarios.find((s) => s.id === builtinId);
  if (!scenario) return null;
  return <p className="scenario-description">{scenario.description}</p>;
}
