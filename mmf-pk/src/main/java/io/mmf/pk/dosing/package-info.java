/**
 * Dose histories: {@link io.mmf.pk.dosing.DoseRecord}s in NONMEM's conventions (EVID, AMT, RATE/DUR, II,
 * ADDL, SS, covariates) collected in {@link io.mmf.pk.dosing.DoseRecords}, the solvers' input, and the
 * builders onto them: {@link io.mmf.pk.dosing.DosingSchedule} (a regimen with missed, late and changed
 * doses) and {@link io.mmf.pk.dosing.DoseRecords#fromRegimen}.
 */
package io.mmf.pk.dosing;
