package id.amk.cases.casefile.api;

import java.time.LocalDate;

/**
 * The child's personal data: the part of a case that erasure (UU PDP 27/2022) removes and that never
 * leaves case-service in a public event. NIK (Nomor Induk Kependudukan) is the 16-digit population number,
 * when known; a birth date or an estimated age in years.
 */
public record Child(String name, String nik, LocalDate birthDate, Integer estimatedAge, String sex, String disability,
                    String address, String guardianName, String guardianPhone) {
}
