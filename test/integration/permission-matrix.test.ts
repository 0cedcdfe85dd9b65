import { permissionMatrix, type Action, type Role, type Scope } from '../../functions/kernel/permissions';
import { functionDefinitions } from '../../infra/definitions/functions';
import type { FunctionDefinition, RouteAudience } from '../../infra/definitions/functions/definition';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, apiClient, asCitizen, asStaffMember, eventually } from './support/platform';

/**
 * The permission matrix on the running platform: every signed-in route × every kind of caller (nobody, the other
 * audience, each role of the county, the owner department and another one, the applicant and another citizen, and
 * the same roles of another county) answers as docs/permissions.md says: 401 without a token of the route's audience,
 * 403 with a code for a refused role or another department, 404 for another person's case or another county's ids.
 */
const OWN = '522732';
const OTHER = '630103';
/** The applicant: an organisation with a real-name account of config/local/citizens.yaml. */
const OWNER_PHONE = '13800000003';
const OWNER_ID = '91522732TEST00001X';
const ANOTHER_CITIZEN_PHONE = '13800000001';
const ANOTHER_CITIZEN_ID = '522732199001010002';
/** GTGH-0001 goes to 国土 (lead, after 住建), 住建 and 公安; 住建's task is the one worked here. */
const WORKED_DEPT = 'ZJJ';
const CASE_DEPTS = ['GTJ', 'ZJJ', 'GAJ'];

/** Which action of the matrix each signed-in route asks for, and what its thing belongs to. */
const routeActions: Readonly<Record<string, { action: Action; depts?: readonly string[] | 'own' }>> = {
  CreateCase: { action: 'case.file-online' },
  FileCaseAtWindow: { action: 'case.file-at-window' },
  GetCase: { action: 'case.view' },
  GetCaseForStaff: { action: 'case.view' },
  ResubmitCase: { action: 'case.resubmit' },
  ListMyCases: { action: 'case.list-own' },
  DecideAcceptance: { action: 'case.decide-acceptance' },
  ListExaminationQueue: { action: 'case.decide-acceptance' },
  ListHandoverQueue: { action: 'result.hand-over' },
  ListOpenCases: { action: 'supervision.read-dashboard' },
  VerifyCommitment: { action: 'case.verify-commitment', depts: CASE_DEPTS },
  RequestMaterialUpload: { action: 'material.upload' },
  CompleteMaterialUpload: { action: 'material.upload' },
  WindowRequestMaterialUpload: { action: 'material.upload' },
  WindowCompleteMaterialUpload: { action: 'material.upload' },
  ReferenceMaterialCertificate: { action: 'material.upload' },
  ListCaseMaterials: { action: 'material.list' },
  ListCaseMaterialsForStaff: { action: 'material.list' },
  GetMaterialDownload: { action: 'material.download', depts: CASE_DEPTS },
  ChooseResultDelivery: { action: 'result.choose-delivery' },
  HandOverResult: { action: 'result.hand-over' },
  ListCertificateLibrary: { action: 'certificate.list-own' },
  GetCertificateDocument: { action: 'certificate.download-own' },
  ListDepartmentTasks: { action: 'task.list', depts: [WORKED_DEPT] },
  ClaimTask: { action: 'task.claim', depts: [WORKED_DEPT] },
  DecideTask: { action: 'task.decide', depts: [WORKED_DEPT] },
  SubmitReview: { action: 'review.submit' },
  ListCaseReviews: { action: 'review.read' },
  // a department's staff list their own department's entries: there is no other department's list to ask for
  ListRectifications: { action: 'rectification.read', depts: 'own' },
  GetRectification: { action: 'rectification.read', depts: [WORKED_DEPT] },
  RecordRectificationStep: { action: 'rectification.record-step', depts: [WORKED_DEPT] },
  GetSupervisionDashboard: { action: 'supervision.read-dashboard' },
  GetStaffMonthly: { action: 'supervision.read-staff-month' },
  QueryAudit: { action: 'audit.read' },
};
/** Routes whose ids are not ids of a thing (a department's list, the county's figures): another county is not "another county's id" there. */
const notIdRoutes = new Set([
  'CreateCase',
  'FileCaseAtWindow',
  'ListMyCases',
  'ListExaminationQueue',
  'ListHandoverQueue',
  'ListOpenCases',
  'ListCertificateLibrary',
  'ListDepartmentTasks',
  'ListRectifications',
  'GetSupervisionDashboard',
  'GetStaffMonthly',
  'QueryAudit',
]);
const MONTHLY_STAFF = `${WORKED_DEPT}-007`;

interface Caller {
  readonly name: string;
  readonly audience?: Exclude<RouteAudience, 'public'>;
  readonly role?: Role;
  readonly deptId?: string;
  readonly staffId?: string;
  readonly owner?: boolean;
  /** The ID of the citizen's real-name account, for an application in their own name. */
  readonly idNumber?: string;
  readonly headers: () => Promise<Record<string, string>>;
}

type Expected = { status: 401 } | { status: 403; code: string } | { status: 404 } | { status: 'allowed' };

/** The documented answer, read from the matrix (the data docs/permissions.md prints), not from the code that enforces it. */
function expectedAnswer(definition: FunctionDefinition, audience: RouteAudience, caller: Caller): Expected {
  if (!caller.audience || caller.audience !== audience) return { status: 401 };
  const { action, depts: named = [] } = routeActions[definition.id] as { action: Action; depts?: readonly string[] | 'own' };
  const depts = named === 'own' ? (caller.deptId ? [caller.deptId] : []) : named;
  const scope = (permissionMatrix[action].roles as Partial<Record<Role, Scope>>)[caller.role as Role];
  if (!scope) return { status: 403, code: definition.id === 'SubmitReview' && caller.audience === 'staff' ? 'STAFF_CANNOT_REVIEW' : 'ROLE_NOT_ALLOWED' };
  if (scope === 'department') return caller.deptId && depts.includes(caller.deptId) ? { status: 'allowed' } : { status: 403, code: 'OTHER_DEPARTMENT' };
  if (scope === 'self' && caller.audience === 'staff') return caller.staffId === MONTHLY_STAFF ? { status: 'allowed' } : { status: 403, code: 'NOT_YOURSELF' };
  if (scope === 'own-case') return caller.owner ? { status: 'allowed' } : { status: 404 };
  return { status: 'allowed' };
}

const thingNotFound = /^(CASE|TASK|RECTIFICATION)_NOT_FOUND$/;

describe('given a case of 三都县 in approval, a complaint against 住建局, and signed-in callers of every kind', () => {
  const running = aPlatformForThisFile();
  const ids = { caseId: '', taskId: '', rectificationId: '' };
  const citizen = (phone: string) => () => asCitizen(running, phone);
  const staffOf = (tenantId: string, staffId: string) => () => asStaffMember(running, tenantId, staffId);

  const ownCountyCallers: Caller[] = [
    { name: 'nobody', headers: async () => ({}) },
    { name: 'a forged token', headers: async () => ({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }) },
    { name: 'the applicant', audience: 'citizen', role: 'citizen', owner: true, idNumber: OWNER_ID, headers: citizen(OWNER_PHONE) },
    { name: 'another citizen', audience: 'citizen', role: 'citizen', owner: false, idNumber: ANOTHER_CITIZEN_ID, headers: citizen(ANOTHER_CITIZEN_PHONE) },
    { name: 'a window clerk', audience: 'staff', role: 'window', staffId: 'CK-01', headers: staffOf(OWN, 'CK-01') },
    {
      name: 'a handler of the department',
      audience: 'staff',
      role: 'handler',
      deptId: WORKED_DEPT,
      staffId: MONTHLY_STAFF,
      headers: staffOf(OWN, MONTHLY_STAFF),
    },
    { name: 'a handler of another department', audience: 'staff', role: 'handler', deptId: 'SJJ', staffId: 'SJJ-007', headers: staffOf(OWN, 'SJJ-007') },
    {
      name: 'the head of the department',
      audience: 'staff',
      role: 'department_head',
      deptId: WORKED_DEPT,
      staffId: `${WORKED_DEPT}-001`,
      headers: staffOf(OWN, `${WORKED_DEPT}-001`),
    },
    { name: 'a supervisor', audience: 'staff', role: 'supervisor', staffId: 'JC-001', headers: staffOf(OWN, 'JC-001') },
    { name: 'an admin', audience: 'staff', role: 'admin', staffId: 'ADM-01', headers: staffOf(OWN, 'ADM-01') },
  ];
  const otherCountyCallers: Caller[] = [
    { name: 'the applicant, in the other county', audience: 'citizen', role: 'citizen', owner: true, headers: citizen(OWNER_PHONE) },
    { name: "the other county's window clerk", audience: 'staff', role: 'window', headers: staffOf(OTHER, 'CK-01') },
    { name: "the other county's 民政 handler", audience: 'staff', role: 'handler', deptId: 'MZJ', headers: staffOf(OTHER, 'MZJ-007') },
    { name: "the other county's supervisor", audience: 'staff', role: 'supervisor', headers: staffOf(OTHER, 'JC-001') },
    { name: "the other county's admin", audience: 'staff', role: 'admin', headers: staffOf(OTHER, 'ADM-01') },
  ];

  const pathOf = (definition: FunctionDefinition & { trigger: { kind: 'http' } }, tenantId: string): string => {
    const values: Record<string, string> = {
      tenantId,
      caseId: ids.caseId,
      taskId: ids.taskId,
      rectificationId: ids.rectificationId,
      deptId: WORKED_DEPT,
      materialId: 'DESIGN_SCHEME',
      uploadId: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      staffId: MONTHLY_STAFF,
      itemCode: 'GTGH-0001',
      bundleCode: 'QYKB',
      year: '2026',
      certificateNo: `${tenantId}-2026-BUSINESS_LICENSE-NOPE`,
    };
    const path = definition.trigger.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] as string);
    const query: Record<string, string> = {
      GetStaffMonthly: '?month=2026-12',
      QueryAudit: `?caseId=${ids.caseId}`,
      GetDeadline: '?start=2026-12-01T02:00:00Z&days=5',
    };
    return path + (query[definition.id] ?? '');
  };
  const bodyOf = (id: string, caller?: Caller): unknown =>
    ({
      // in one's own name: the application of whoever files it
      CreateCase:
        caller?.idNumber === ANOTHER_CITIZEN_ID
          ? { ...aPlanningApplication(), applicant: anApplicant({ name: '潘阿妹', idNumber: ANOTHER_CITIZEN_ID }) }
          : aPlanningApplication(OWNER_ID),
      FileCaseAtWindow: { ...aPlanningApplication('91522732MA6DLXXX9Q'), window: { windowId: 'ZH-GTGH' } },
      DecideAcceptance: { decision: 'supplement', items: [{ materialId: 'PROJECT_APPROVAL', reason: '缺少批准文件' }] },
      ResubmitCase: { formData: {} },
      VerifyCommitment: { outcome: 'confirmed', note: '核查属实' },
      RequestMaterialUpload: { fileName: '方案.pdf', contentType: 'application/pdf', sizeBytes: 1024, sha256: '0'.repeat(64) },
      WindowRequestMaterialUpload: { fileName: '方案.pdf', contentType: 'application/pdf', sizeBytes: 1024, sha256: '0'.repeat(64) },
      ReferenceMaterialCertificate: { certificateNo: '522732-2026-LAND_USE_PLANNING_PERMIT-NOPE' },
      ChooseResultDelivery: { method: 'pickup' },
      DecideTask: { decision: 'supplement', reason: '请补充消防设计说明', expectedDays: 3 },
      SubmitReview: { touchpoint: 'acceptance', level: '满意', channel: 'web' },
      FileComplaint: { deptId: WORKED_DEPT, channel: 'web', content: '窗口答复不清楚' },
      RecordRectificationStep: { step: 'verify', note: '已核实' },
    })[id] ?? {};

  const call = async (definition: FunctionDefinition & { trigger: { kind: 'http' } }, tenantId: string, caller: Caller) => {
    const api: ApiClient = apiClient(running.platform.url, await caller.headers());
    const path = pathOf(definition, tenantId);
    return definition.trigger.method === 'GET' ? api.get<{ code?: string }>(path) : api.post<{ code?: string }>(path, bodyOf(definition.id, caller));
  };

  beforeAll(async () => {
    const applicant = apiClient(running.platform.url, await asCitizen(running, OWNER_PHONE));
    const filed = await applicant.post<{ caseId: string }>(`/v1/tenants/${OWN}/cases`, aPlanningApplication(OWNER_ID));
    expect(filed.status).toBe(201);
    ids.caseId = filed.body.caseId;
    const window = apiClient(running.platform.url, await asStaffMember(running, OWN, 'CK-02'));
    expect((await window.post(`/v1/tenants/${OWN}/cases/${ids.caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);
    const handler = apiClient(running.platform.url, await asStaffMember(running, OWN, `${WORKED_DEPT}-001`));
    const task = await eventually(async () =>
      (await handler.get<{ tasks: { taskId: string; caseId: string }[] }>(`/v1/tenants/${OWN}/departments/${WORKED_DEPT}/tasks`)).body.tasks.find(
        (candidate) => candidate.caseId === ids.caseId,
      ),
    );
    ids.taskId = task.taskId;
    const complaint = await apiClient(running.platform.url).post<{ rectificationId: string }>(`/v1/tenants/${OWN}/complaints`, bodyOf('FileComplaint'));
    expect(complaint.status).toBe(201);
    ids.rectificationId = complaint.body.rectificationId;
  });

  const signedInRoutes = functionDefinitions.filter(
    (definition): definition is FunctionDefinition & { trigger: { kind: 'http'; audience: RouteAudience } } =>
      definition.trigger.kind === 'http' && definition.trigger.audience !== 'public',
  );

  it('then every signed-in route names its action in this test (a new route must say who may call it)', () => {
    expect(signedInRoutes.map((definition) => definition.id).filter((id) => !routeActions[id])).toEqual([]);
  });

  it.each(signedInRoutes.map((definition) => [`${definition.trigger.method} ${definition.trigger.path}`, definition] as const))(
    'when every caller of the county calls %s, then each gets the documented answer',
    async (_route, definition) => {
      const answers: string[] = [];
      const expected: string[] = [];
      for (const caller of ownCountyCallers) {
        const reply = await call(definition, OWN, caller);
        const want = expectedAnswer(definition, definition.trigger.audience, caller);
        expected.push(`${caller.name}: ${want.status === 'allowed' ? 'allowed' : want.status === 403 ? `403 ${want.code}` : want.status}`);
        const refused = reply.status === 401 || reply.status === 403 || (reply.status === 404 && thingNotFound.test(reply.body.code ?? ''));
        answers.push(
          `${caller.name}: ${
            want.status === 'allowed' && !refused
              ? 'allowed'
              : reply.status === 403
                ? `403 ${reply.body.code}`
                : refused
                  ? reply.status
                  : `allowed? ${reply.status} ${reply.body.code ?? ''}`
          }`,
        );
      }
      expect(answers).toEqual(expected);
    },
  );

  it.each(
    signedInRoutes
      .filter((definition) => !notIdRoutes.has(definition.id))
      .map((definition) => [`${definition.trigger.method} ${definition.trigger.path}`, definition] as const),
  )("when another county's callers use this county's ids on %s, then they are refused by role or not found", async (_route, definition) => {
    for (const caller of otherCountyCallers) {
      const reply = await call(definition, OTHER, caller);
      const want = expectedAnswer(definition, definition.trigger.audience, caller);
      const answer = reply.status === 403 ? `403 ${reply.body.code}` : String(reply.status);
      // a role the matrix refuses is refused before anything is looked up; any other caller finds nothing there
      const documented = want.status === 401 ? '401' : want.status === 403 && want.code === 'ROLE_NOT_ALLOWED' ? '403 ROLE_NOT_ALLOWED' : '404';
      expect(`${caller.name}: ${answer}`).toBe(`${caller.name}: ${documented}`);
    }
  });

  it("when staff of another county call this county's staff routes, then they are refused with 403 STAFF_OF_OTHER_TENANT", async () => {
    for (const definition of signedInRoutes.filter((candidate) => candidate.trigger.audience === 'staff')) {
      const reply = await call(definition, OWN, otherCountyCallers[1] as Caller);
      expect([definition.id, reply.status, reply.body.code]).toEqual([definition.id, 403, 'STAFF_OF_OTHER_TENANT']);
    }
  });
});
