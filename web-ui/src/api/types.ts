/**
 * Names for the API's shapes, taken from `paths` (generated in schema.d.ts from ../openapi.yaml)
 * rather than from component names, which
 * the generator may change. After `npm run gen:api`, this is the one file that may need a touch.
 */
import type { paths } from './schema';

type Ok<P extends keyof paths, M extends 'get' | 'post', S extends number = 200> = paths[P] extends {
  [K in M]: { responses: { [C in S]: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** The JSON body a write sends. */
type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type TokenPair = Ok<'/api/v1/auth/login', 'post'>;
export type Me = Ok<'/api/v1/me', 'get'>;
export type Grant = Me['grants'][number];
export type Role = Grant['roles'][number];

export type Student = Ok<'/api/v1/schools/{school_id}/students/{id}', 'get'>;
export type StudentPage = Ok<'/api/v1/schools/{school_id}/students', 'get'>;
export type StudentFilters = NonNullable<paths['/api/v1/schools/{school_id}/students']['get']['parameters']['query']>;
export type Guardian = Ok<'/api/v1/schools/{school_id}/students/{id}/guardians', 'get'>['items'][number];
export type PickupPerson = Ok<'/api/v1/schools/{school_id}/students/{id}/pickup-persons', 'get'>['items'][number];

export type Homeroom = Ok<'/api/v1/schools/{school_id}/homerooms', 'get'>['items'][number];
export type Staff = Ok<'/api/v1/schools/{school_id}/staff', 'get'>['items'][number];
export type Room = Ok<'/api/v1/schools/{school_id}/rooms', 'get'>['items'][number];
export type Term = Ok<'/api/v1/schools/{school_id}/terms', 'get'>['items'][number];

export type AuditEvent = Ok<'/api/v1/schools/{school_id}/audit-events', 'get'>['items'][number];
export type AuditFilters = NonNullable<paths['/api/v1/schools/{school_id}/audit-events']['get']['parameters']['query']>;

export type NewStudent = Body<'/api/v1/schools/{school_id}/students', 'post'>;
export type StudentPatch = Body<'/api/v1/schools/{school_id}/students/{id}', 'patch'>;
export type StudentFlag = Student['flags'][number];
export type Gender = Student['gender'];
export type GuardianLink = Body<'/api/v1/schools/{school_id}/students/{id}/guardians', 'post'>;
export type PickupPersonInput = Body<'/api/v1/schools/{school_id}/students/{id}/pickup-persons', 'post'>;
export type NewHomeroom = Body<'/api/v1/schools/{school_id}/homerooms', 'post'>;
export type RoomInput = Body<'/api/v1/schools/{school_id}/rooms', 'post'>;
export type RoomKind = Room['kind'];
export type TermInput = Body<'/api/v1/schools/{school_id}/terms', 'post'>;
export type NewStaff = Body<'/api/v1/schools/{school_id}/staff', 'post'>;

export type ImportJob = Ok<'/api/v1/schools/{school_id}/imports', 'post', 202>;
export type ImportStatus = ImportJob['status'];
export type ImportRowError = ImportJob['errors'][number];
export type ImportSummary = NonNullable<ImportJob['summary']>;

/** Ids as the API types them (numbers today); features pass them through without parsing. */
export type SchoolId = Grant['school_id'];
export type StudentId = Student['id'];
export type ImportJobId = ImportJob['id'];
export type HomeroomId = Homeroom['id'];
export type StaffId = Staff['id'];
export type RoomId = Room['id'];
export type TermId = Term['id'];
export type PickupPersonId = PickupPerson['id'];
