import type { Handlers, RunSummary } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { Run, RunWithTemplate } from '../../../shared/runofshow/run';
import { deriveRunState, validateAction } from '../../../shared/runofshow/run-state';
import { duplicateKeys, type Template } from '../../../shared/runofshow/template';
import type { Services } from '../services';

/** Opens the presenter timer; only the desktop app has windows to open. */
export interface PresenterPort {
  open(runId: number, displayId: number | undefined): boolean;
  displays(): ReturnType<Handlers['displays:list']>;
}

/** Web mode and the CLI: the renderer opens the presenter view in a browser tab itself. */
export const noPresenterWindows: PresenterPort = { open: () => false, displays: () => [] };

type RunOfShowHandlers = Pick<
  Handlers,
  | 'templates:list'
  | 'templates:get'
  | 'templates:save'
  | 'templates:duplicate'
  | 'runs:list'
  | 'runs:start'
  | 'runs:get'
  | 'runs:act'
  | 'presenter:open'
  | 'displays:list'
>;

/** Templates, runs and the presenter timer. */
export function runOfShowHandlers(services: Services, presenter: PresenterPort): RunOfShowHandlers {
  const { templates, runs, events } = services;

  const requireTemplate = (id: string, version?: number): Template => {
    const template = templates.get(id, version);
    if (!template) throw new ApiFailure('not_found', `There is no template "${id}"${version ? ` version ${version}` : ''}.`);
    return template;
  };
  const requireRun = (id: number): RunWithTemplate => {
    const run = runs.get(id);
    if (!run) throw new ApiFailure('not_found', `Run ${id} does not exist.`);
    return { ...run, template: requireTemplate(run.templateId, run.templateVersion) };
  };
  const checkKeys = (template: Template) => {
    const duplicates = duplicateKeys(template);
    if (duplicates.length > 0) {
      throw new ApiFailure('invalid_argument', `Keys must be unique within a template: ${duplicates.join(', ')}.`, [
        { path: 'template', message: 'validation.duplicateKeys' },
      ]);
    }
  };
  const summarise = (run: Run): RunSummary => {
    const template = requireTemplate(run.templateId, run.templateVersion);
    return {
      id: run.id,
      title: run.title,
      templateId: run.templateId,
      templateVersion: run.templateVersion,
      templateName: template.name,
      kind: template.kind,
      parentRunId: run.parentRunId,
      plannedStart: run.plannedStart,
      createdAt: run.createdAt,
      status: deriveRunState(template, run.actions).status,
    };
  };
  const person = () => services.readSettings().operatorName;

  return {
    'templates:list': () => templates.listLatest(),
    'templates:get': ({ id, version }) => requireTemplate(id, version),
    'templates:save': ({ template }) => {
      checkKeys(template);
      return templates.saveNewVersion(template, Date.now());
    },
    'templates:duplicate': ({ id, name }) => {
      const source = requireTemplate(id);
      const taken = new Set(templates.listLatest().map((summary) => summary.id));
      // The suffix is kept whole and the base cut to fit, so every candidate differs.
      const candidate = (suffix: string) => `${id.slice(0, 64 - suffix.length)}${suffix}`;
      let copyId = candidate('-copy');
      for (let n = 2; taken.has(copyId); n++) copyId = candidate(`-copy-${n}`);
      return templates.saveNewVersion({ ...source, id: copyId, name }, Date.now());
    },
    'runs:list': ({ limit }) => runs.list(limit).map(summarise),
    'runs:start': ({ templateId, title, plannedStart, parentRunId }) => {
      const template = requireTemplate(templateId);
      const now = Date.now();
      if (parentRunId !== null) {
        const parent = requireRun(parentRunId);
        // The child's id is not known yet; any positive id tests the same rule.
        const refusal = validateAction(parent.template, deriveRunState(parent.template, parent.actions), { type: 'playbook-opened', childRunId: Number.MAX_SAFE_INTEGER, at: now });
        if (refusal) throw new ApiFailure('conflict', refusal);
      }
      const run = services.db.transaction(() => {
        const created = runs.create({ templateId, templateVersion: template.version, parentRunId, title, plannedStart }, now);
        // A playbook opened during an event starts at once: its clock is the incident's.
        if (parentRunId !== null) {
          runs.append(parentRunId, { type: 'playbook-opened', childRunId: created.id }, person(), now);
          runs.append(created.id, { type: 'start' }, person(), now);
        }
        return created;
      })();
      if (parentRunId !== null) events.emit('runs:changed', { runId: parentRunId });
      events.emit('runs:changed', { runId: run.id });
      return requireRun(run.id);
    },
    'runs:get': ({ id }) => requireRun(id),
    'runs:act': ({ runId, action }) => {
      const run = requireRun(runId);
      const at = Date.now();
      const refusal = validateAction(run.template, deriveRunState(run.template, run.actions), { ...action, at });
      if (refusal) throw new ApiFailure('conflict', refusal);
      runs.append(runId, action, person(), at);
      events.emit('runs:changed', { runId });
      return requireRun(runId);
    },
    'presenter:open': ({ runId, displayId }) => {
      requireRun(runId);
      return { opened: presenter.open(runId, displayId) };
    },
    'displays:list': () => presenter.displays(),
  };
}
