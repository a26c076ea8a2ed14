"""Hold every user-facing message in Bahasa Indonesia and English, in one catalog.

Messages are looked up by code and filled with named parameters, so the engine stores codes
(``Reason``) and each report renders them in its own language.
"""

from __future__ import annotations

from collections.abc import Mapping

from smartcity_audit.model import Problem, Reason

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

MESSAGES: dict[str, dict[str, str]] = {
    # Statuses, severities and labels.
    "status.complete": {"id": "lengkap", "en": "complete"},
    "status.incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "status.missing": {"id": "tidak ada", "en": "missing"},
    "status.unreadable": {"id": "tak terbaca", "en": "unreadable"},
    "status.waived": {"id": "dikecualikan", "en": "waived"},
    "severity.critical": {"id": "kritis", "en": "critical"},
    "severity.major": {"id": "utama", "en": "major"},
    "severity.minor": {"id": "minor", "en": "minor"},
    "matched.pinned": {"id": "ditetapkan di konfigurasi", "en": "pinned in configuration"},
    "matched.title": {"id": "judul", "en": "title"},
    "matched.text": {"id": "isi", "en": "text"},
    "matched.name": {"id": "nama berkas", "en": "file name"},
    "matched.path": {"id": "pola jalur", "en": "path pattern"},
    "source.ratification": {"id": "tanggal penetapan", "en": "ratification date"},
    "source.title": {"id": "judul", "en": "title"},
    "source.dated": {"id": "tanggal dokumen", "en": "document date"},
    "source.properties": {"id": "properti dokumen", "en": "document properties"},
    "source.metadata": {"id": "metadata berkas", "en": "file metadata"},
    "label.report_title": {"id": "Audit kelengkapan dokumen", "en": "Document completeness audit"},
    "label.rubric": {"id": "Rubrik", "en": "Rubric"},
    "label.folder": {"id": "Folder", "en": "Folder"},
    "label.as_of": {"id": "Per tanggal", "en": "As of"},
    "label.dimension": {"id": "Dimensi", "en": "Dimension"},
    "label.score": {"id": "Skor", "en": "Score"},
    "label.overall": {"id": "Keseluruhan", "en": "Overall"},
    "label.requirement": {"id": "Persyaratan", "en": "Requirement"},
    "label.status": {"id": "Status", "en": "Status"},
    "label.severity": {"id": "Tingkat", "en": "Severity"},
    "label.gaps": {"id": "Kekurangan", "en": "Gaps"},
    "label.no_gaps": {"id": "Tidak ada kekurangan.", "en": "No gaps."},
    "label.document_problems": {"id": "Masalah dokumen", "en": "Document problems"},
    "label.evidence": {"id": "bukti", "en": "evidence"},
    "label.candidate": {"id": "kandidat", "en": "candidate"},
    "label.page": {"id": "hlm.", "en": "p."},
    "label.documents": {"id": "Dokumen", "en": "Documents"},
    "label.waived": {"id": "Dikecualikan", "en": "Waived"},
    "label.not_scored": {"id": "—", "en": "—"},
    "label.gates_passed": {"id": "Semua ambang batas terpenuhi.", "en": "All gates passed."},
    "label.format": {"id": "Format", "en": "Format"},
    "label.pages": {"id": "Halaman", "en": "Pages"},
    "label.words": {"id": "Kata", "en": "Words"},
    "label.title": {"id": "Judul", "en": "Title"},
    "label.headings": {"id": "Judul bagian", "en": "Headings"},
    "label.years": {"id": "Tahun terdeteksi", "en": "Years found"},
    "label.document_year": {"id": "Tahun dokumen", "en": "Document year"},
    "label.signed": {"id": "Penanda pengesahan", "en": "Ratification markers"},
    "label.problems": {"id": "Masalah", "en": "Problems"},
    "label.first_lines": {"id": "Baris pertama", "en": "First lines"},
    "label.none": {"id": "(tidak ada)", "en": "(none)"},
    "label.yes": {"id": "ya", "en": "yes"},
    "label.no": {"id": "tidak", "en": "no"},
    "label.requirements": {"id": "persyaratan", "en": "requirements"},
    "label.dimensions": {"id": "dimensi", "en": "dimensions"},
    "label.valid": {"id": "valid", "en": "valid"},
    # Labels of the HTML and Word reports.
    "label.report_document": {
        "id": "Laporan audit kelengkapan dokumen",
        "en": "Document completeness audit report",
    },
    "label.summary": {"id": "Ringkasan", "en": "Summary"},
    "label.contents": {"id": "Daftar isi", "en": "Contents"},
    "label.overall_score": {"id": "Skor keseluruhan", "en": "Overall score"},
    "label.scores_by_dimension": {"id": "Skor per dimensi", "en": "Score per dimension"},
    "label.details_by_dimension": {"id": "Rincian per dimensi", "en": "Details by dimension"},
    "label.chart_radar": {
        "id": "Diagram radar skor setiap dimensi (0–100%)",
        "en": "Radar chart of the score of each dimension (0–100%)",
    },
    "label.chart_bars": {
        "id": "Diagram batang skor setiap dimensi (0–100%)",
        "en": "Bar chart of the score of each dimension (0–100%)",
    },
    "label.chart_note": {
        "id": "Angka lengkapnya ada pada tabel. — berarti tidak dinilai: semua persyaratan dimensi itu dikecualikan.",
        "en": "The table gives the figures. — means not scored: every requirement of that dimension is waived.",
    },
    "label.score_note": {
        "id": "Skor: lengkap 100%; belum lengkap setengah dari bagian pemeriksaan yang terpenuhi; tidak ada dan tak terbaca 0%; persyaratan yang dikecualikan tidak dihitung.",
        "en": "Scores: complete 100%; incomplete half the share of checks passed; missing and unreadable 0%; waived requirements are not counted.",
    },
    "label.not_scored_long": {"id": "tidak dinilai", "en": "not scored"},
    "label.notes": {"id": "Keterangan", "en": "Notes"},
    "label.figure": {"id": "Gambar {number}. {caption}", "en": "Figure {number}. {caption}"},
    "label.number": {"id": "No.", "en": "No."},
    "label.id": {"id": "Kode", "en": "ID"},
    "label.group": {"id": "Kelompok", "en": "Group"},
    "label.weight": {"id": "Bobot", "en": "Weight"},
    "label.file": {"id": "Berkas", "en": "File"},
    "label.matched_by": {"id": "Dikenali dari", "en": "Matched by"},
    "label.excerpt": {"id": "Kutipan", "en": "Excerpt"},
    "label.reasons": {"id": "Alasan", "en": "Reasons"},
    "label.checks": {"id": "Pemeriksaan yang terpenuhi", "en": "Checks passed"},
    "label.evidence_files": {"id": "Berkas bukti", "en": "Evidence files"},
    "label.candidate_files": {"id": "Berkas kandidat", "en": "Candidate files"},
    "label.recommendation": {"id": "Rekomendasi", "en": "Recommendation"},
    "label.approved_by": {"id": "Disetujui oleh", "en": "Approved by"},
    "label.valid_until": {"id": "Berlaku sampai", "en": "Valid until"},
    "label.waiver_applied": {"id": "berlaku", "en": "applies"},
    "label.waiver_expired": {"id": "sudah berakhir", "en": "expired"},
    "label.unused_waivers": {
        "id": "Pengecualian yang tidak dipakai",
        "en": "Waivers not needed",
    },
    "label.gates": {"id": "Ambang batas", "en": "Gates"},
    "label.gates_failed": {"id": "Ambang batas tidak terpenuhi", "en": "Gates failed"},
    "label.how_to_fix": {"id": "Cara memperbaiki", "en": "How to fix"},
    "label.no_document_problems": {
        "id": "Semua berkas dapat dibaca.",
        "en": "Every file could be read.",
    },
    "label.documents_checked": {"id": "Dokumen diperiksa", "en": "Documents checked"},
    "label.config": {"id": "Konfigurasi", "en": "Configuration"},
    "label.evidence_index": {"id": "Indeks bukti", "en": "Evidence index"},
    "label.evidence_index_note": {
        "id": "Berkas yang mendukung atau dipertimbangkan untuk setiap persyaratan, urut menurut nama berkas.",
        "en": "The files that support, or were considered for, each requirement, by file name.",
    },
    "label.annex": {"id": "Lampiran", "en": "Annex"},
    "label.passes_checks": {"id": "Memenuhi syarat", "en": "Passes checks"},
    "label.generated_by": {
        "id": "Dibuat dengan smartcity-audit {version}",
        "en": "Made with smartcity-audit {version}",
    },
    "label.disclaimer": {
        "id": "Laporan ini disusun otomatis dari dokumen bukti di folder yang dipindai; penilaian akhir tetap pada asesor.",
        "en": "This report was produced automatically from the evidence documents in the scanned folder; the final judgement rests with the assessors.",
    },
    # What to do next.
    "advice.missing": {
        "id": "Lengkapi dan unggah dokumen: {title}.",
        "en": "Prepare and add the document: {title}.",
    },
    "advice.unreadable": {
        "id": "Sediakan versi digital atau hasil OCR dari {path} ({title}) agar dapat diperiksa.",
        "en": "Add a digital or OCR'd copy of {path} ({title}) so it can be checked.",
    },
    "advice.incomplete": {
        "id": "Perbaiki {path} ({title}): {what}.",
        "en": "Fix {path} ({title}): {what}.",
    },
    "advice.more_documents": {
        "id": "Tambahkan dokumen hingga {count} dokumen lengkap: {title}.",
        "en": "Add documents until {count} are complete: {title}.",
    },
    "label.next_steps": {"id": "Langkah berikutnya", "en": "What to do next"},
    "diff.title": {"id": "Perbandingan audit", "en": "Audit comparison"},
    "diff.before": {"id": "Sebelum", "en": "Before"},
    "diff.after": {"id": "Sesudah", "en": "After"},
    "diff.change": {"id": "Perubahan", "en": "Change"},
    "diff.regressed": {"id": "Memburuk", "en": "Regressed"},
    "diff.improved": {"id": "Membaik", "en": "Improved"},
    "diff.new_gaps": {"id": "Kekurangan baru", "en": "New gaps"},
    "diff.resolved_gaps": {"id": "Kekurangan teratasi", "en": "Resolved gaps"},
    "diff.added": {"id": "Persyaratan baru di rubrik", "en": "Requirements new in the rubric"},
    "diff.removed": {
        "id": "Persyaratan yang dihapus dari rubrik",
        "en": "Requirements removed from the rubric",
    },
    "diff.no_changes": {"id": "Tidak ada perubahan.", "en": "No changes."},
    "csv.dimension": {"id": "dimensi", "en": "dimension"},
    "csv.group": {"id": "subdimensi", "en": "group"},
    "csv.id": {"id": "id", "en": "id"},
    "csv.title": {"id": "persyaratan", "en": "requirement"},
    "csv.severity": {"id": "tingkat", "en": "severity"},
    "csv.status": {"id": "status", "en": "status"},
    "csv.score": {"id": "skor (%)", "en": "score (%)"},
    "csv.reasons": {"id": "alasan", "en": "reasons"},
    "csv.evidence": {"id": "bukti", "en": "evidence"},
    # Check outcomes.
    "check.section_found": {
        "id": "bagian '{section}' ditemukan",
        "en": "section '{section}' found",
    },
    "check.section_missing": {
        "id": "bagian '{section}' tidak ditemukan",
        "en": "section '{section}' not found",
    },
    "check.text_found": {"id": "memuat '{phrase}'", "en": "contains '{phrase}'"},
    "check.text_missing": {"id": "tidak memuat '{phrase}'", "en": "does not contain '{phrase}'"},
    "check.text_any_missing": {
        "id": "tidak memuat satu pun dari: {phrases}",
        "en": "contains none of: {phrases}",
    },
    "check.text_none_ok": {"id": "tidak memuat '{phrase}'", "en": "does not contain '{phrase}'"},
    "check.text_none_found": {
        "id": "memuat '{phrase}' (tanda dokumen belum final)",
        "en": "contains '{phrase}' (a sign of a non-final document)",
    },
    "check.pages_ok": {"id": "{pages} halaman", "en": "{pages} pages"},
    "check.pages_too_few": {
        "id": "{pages} halaman < minimum {min}",
        "en": "{pages} pages < minimum {min}",
    },
    "check.pages_estimated_too_few": {
        "id": "sekitar {pages} halaman (perkiraan dari jumlah kata) < minimum {min}",
        "en": "about {pages} pages (estimated from words) < minimum {min}",
    },
    "check.words_ok": {"id": "{words} kata", "en": "{words} words"},
    "check.words_too_few": {
        "id": "{words} kata < minimum {min}",
        "en": "{words} words < minimum {min}",
    },
    "check.year_ok": {"id": "tahun {year} (dari {source})", "en": "year {year} (from {source})"},
    "check.year_too_old": {
        "id": "tahun {year} < {min} (dari {source})",
        "en": "year {year} < {min} (from {source})",
    },
    "check.year_too_new": {
        "id": "tahun {year} > {max} (dari {source})",
        "en": "year {year} > {max} (from {source})",
    },
    "check.year_outdated": {
        "id": "tahun {year} lebih dari {within} tahun sebelum {as_of_year} (dari {source})",
        "en": "year {year} is more than {within} year(s) before {as_of_year} (from {source})",
    },
    "check.year_unknown": {
        "id": "tahun dokumen tidak dapat ditentukan",
        "en": "the document's year cannot be determined",
    },
    "check.signed_ok": {"id": "ada tanda pengesahan ({markers})", "en": "ratified ({markers})"},
    "check.signed_missing": {
        "id": "tidak ada tanda pengesahan (Ditetapkan di ..., pada tanggal ..., ttd, NIP)",
        "en": "no ratification markers (Ditetapkan di ..., pada tanggal ..., ttd, NIP)",
    },
    # Finding reasons.
    "finding.no_candidate": {
        "id": "tidak ada berkas yang cocok dengan persyaratan ini",
        "en": "no file matches this requirement",
    },
    "finding.pinned_not_found": {
        "id": "berkas yang ditetapkan di konfigurasi tidak ditemukan: {path}",
        "en": "file pinned in the configuration not found: {path}",
    },
    "finding.not_enough": {
        "id": "{passed} dari {required} dokumen yang diminta lengkap",
        "en": "{passed} of {required} required documents complete",
    },
    "finding.candidate_unreadable": {
        "id": "{path}: {problem}",
        "en": "{path}: {problem}",
    },
    "finding.waived": {
        "id": "dikecualikan: {reason} (disetujui: {approved_by})",
        "en": "waived: {reason} (approved by: {approved_by})",
    },
    "finding.waiver_expired": {
        "id": "pengecualian berakhir pada {until}, sehingga tidak berlaku",
        "en": "the waiver expired on {until}, so it does not apply",
    },
    # Document problems.
    "problem.unsupported_format": {
        "id": "format tidak didukung ({detail})",
        "en": "unsupported format ({detail})",
    },
    "problem.encrypted": {"id": "terenkripsi dengan kata sandi", "en": "encrypted with a password"},
    "problem.no_text_layer": {
        "id": "tidak ada lapisan teks (hasil pindaian, {pages} halaman)",
        "en": "no text layer (scanned, {pages} pages)",
    },
    "problem.corrupt": {"id": "rusak: {detail}", "en": "corrupt: {detail}"},
    "problem.empty_file": {"id": "berkas kosong (0 bita)", "en": "empty file (0 bytes)"},
    "problem.permission_denied": {
        "id": "tidak dapat dibuka: akses ditolak",
        "en": "cannot be opened: permission denied",
    },
    "problem.too_large": {"id": "terlalu besar: {detail}", "en": "too large: {detail}"},
    "problem.zip_bomb": {
        "id": "ditolak sebagai bom dekompresi: {detail}",
        "en": "refused as a decompression bomb: {detail}",
    },
    "problem.timeout": {"id": "waktu pembacaan habis", "en": "reading timed out"},
    "problem.symlink_loop": {"id": "tautan simbolik berputar", "en": "symbolic link loop"},
    "problem.symlink_outside": {
        "id": "tautan simbolik ke luar folder yang dipindai; tidak diikuti",
        "en": "symbolic link out of the scanned folder; not followed",
    },
    "problem.broken_symlink": {"id": "tautan simbolik rusak", "en": "broken symbolic link"},
    "problem.extension_mismatch": {
        "id": "isi berkas berformat {detail}, tidak sesuai ekstensinya; dibaca sebagai {detail}",
        "en": "content is {detail}, not what the extension says; read as {detail}",
    },
    "problem.partial_text": {
        "id": "halaman tanpa teks (mungkin pindaian): {detail}",
        "en": "pages without text (maybe scanned): {detail}",
    },
    "problem.ocr": {
        "id": "teks dibaca dengan OCR dari gambar halaman; periksa kembali bila ragu",
        "en": "text recognised by OCR from page images; check it when in doubt",
    },
    "error.ocr_unavailable": {
        "id": "--ocr memerlukan OCRmyPDF dan Tesseract",
        "en": "--ocr needs OCRmyPDF and Tesseract",
    },
    "hint.ocr_unavailable": {
        "id": "pip install 'smartcity-audit[ocr]' lalu pasang Tesseract (mis. apt-get install tesseract-ocr tesseract-ocr-ind)",
        "en": "pip install 'smartcity-audit[ocr]', then install Tesseract (e.g. apt-get install tesseract-ocr tesseract-ocr-ind)",
    },
    "problem.page_limit": {
        "id": "hanya {detail} dari {pages} halaman pertama yang dibaca",
        "en": "only the first {detail} of {pages} pages were read",
    },
    "hint.unsupported_format": {
        "id": "simpan ulang sebagai PDF atau DOCX agar dapat diperiksa",
        "en": "save it again as PDF or DOCX so it can be checked",
    },
    "hint.encrypted": {
        "id": "simpan salinan tanpa kata sandi",
        "en": "save a copy without a password",
    },
    "hint.no_text_layer": {
        "id": "jalankan OCR (mis. ocrmypdf) atau lampirkan versi digitalnya",
        "en": "run OCR on it (e.g. ocrmypdf) or add the digital original",
    },
    "hint.corrupt": {
        "id": "buka dan simpan ulang berkas, atau unduh ulang",
        "en": "open and save the file again, or download it again",
    },
    "hint.zip_bomb": {
        "id": "buka dan simpan ulang di Word atau LibreOffice",
        "en": "open and save it again in Word or LibreOffice",
    },
    # Gates.
    "gate.fail_under": {
        "id": "skor keseluruhan {score}% di bawah ambang {threshold}%",
        "en": "overall score {score}% is below the threshold {threshold}%",
    },
    "gate.fail_under_dimension": {
        "id": "skor dimensi {dimension} {score}% di bawah ambang {threshold}%",
        "en": "dimension {dimension} scores {score}%, below the threshold {threshold}%",
    },
    "gate.baseline_status": {
        "id": "{count} persyaratan memburuk dibanding laporan acuan: {ids}",
        "en": "{count} requirement(s) got worse than in the baseline: {ids}",
    },
    "gate.baseline_score": {
        "id": "skor keseluruhan turun {drop} poin dibanding laporan acuan (toleransi {tolerance})",
        "en": "the overall score dropped {drop} points below the baseline (tolerance {tolerance})",
    },
    "gate.fail_on": {
        "id": "{count} persyaratan bertingkat {severity} atau lebih belum lengkap: {ids}",
        "en": "{count} requirement(s) of severity {severity} or worse not complete: {ids}",
    },
    # Errors and hints shown by the command line.
    "error.prefix": {"id": "galat", "en": "error"},
    "error.hint": {"id": "saran", "en": "hint"},
    "error.warning": {"id": "peringatan", "en": "warning"},
    "error.internal": {
        "id": "galat internal: {detail}",
        "en": "internal error: {detail}",
    },
    "hint.internal": {
        "id": "ini adalah bug di smartcity-audit; laporkan beserta perintah yang dijalankan",
        "en": "this is a bug in smartcity-audit; please report it with the command you ran",
    },
    "error.interrupted": {"id": "dibatalkan", "en": "interrupted"},
    "error.root_missing": {
        "id": "folder tidak ditemukan: {path}",
        "en": "folder not found: {path}",
    },
    "error.root_not_folder": {
        "id": "bukan folder: {path}",
        "en": "not a folder: {path}",
    },
    "hint.root": {
        "id": "berikan folder berisi dokumen bukti, mis. smartcity-audit scan examples/contoh",
        "en": "give the folder that holds the evidence, e.g. smartcity-audit scan examples/contoh",
    },
    "error.file_missing": {"id": "berkas tidak ditemukan: {path}", "en": "file not found: {path}"},
    "error.bad_date": {
        "id": "{option}: '{value}' bukan tanggal YYYY-MM-DD",
        "en": "{option}: '{value}' is not a YYYY-MM-DD date",
    },
    "error.bad_lang": {
        "id": "bahasa '{value}' tidak dikenal; pilih id atau en",
        "en": "unknown language '{value}'; choose id or en",
    },
    "error.bad_format": {
        "id": "format laporan '{value}' tidak dikenal; pilih salah satu: {choices}",
        "en": "unknown report format '{value}'; choose one of: {choices}",
    },
    "error.bad_report": {
        "id": "--report '{value}': tulis FORMAT:BERKAS, mis. html:laporan.html",
        "en": "--report '{value}': write FORMAT:PATH, e.g. html:report.html",
    },
    "error.binary_to_terminal": {
        "id": "format {format} adalah berkas biner; tulis dengan --output laporan.{format}",
        "en": "the {format} format is a binary file; write it with --output report.{format}",
    },
    "error.bad_engine": {
        "id": "pembaca PDF '{value}' tidak dikenal; pilih salah satu: {choices}",
        "en": "unknown PDF engine '{value}'; choose one of: {choices}",
    },
    "error.bad_severity": {
        "id": "tingkat '{value}' tidak dikenal; pilih salah satu: critical, major, minor",
        "en": "unknown severity '{value}'; choose one of: critical, major, minor",
    },
    "error.bad_percent": {
        "id": "{option}: {value} harus antara 0 dan 100",
        "en": "{option}: {value} must be between 0 and 100",
    },
    "error.write_failed": {
        "id": "tidak dapat menulis {path}: {detail}",
        "en": "cannot write {path}: {detail}",
    },
    "error.output_inside_root": {
        "id": "laporan tidak boleh ditulis ke dalam folder bukti: {path}",
        "en": "the report must not be written into the evidence folder: {path}",
    },
    "hint.output_inside_root": {
        "id": "pilih --output di luar folder yang dipindai; pemindai tidak pernah mengubah folder bukti",
        "en": "choose an --output outside the scanned folder; the scanner never changes the evidence folder",
    },
    "error.unknown_rubric": {
        "id": "rubrik '{name}' tidak ditemukan (bukan rubrik bawaan dan bukan berkas)",
        "en": "rubric '{name}' not found (neither a bundled rubric nor a file)",
    },
    "hint.unknown_rubric": {
        "id": "rubrik bawaan: {available}; atau berikan jalur ke berkas .yaml",
        "en": "bundled rubrics: {available}; or give the path of a .yaml file",
    },
    "error.yaml_read": {
        "id": "{where}: tidak dapat dibaca: {detail}",
        "en": "{where}: cannot be read: {detail}",
    },
    "error.yaml_syntax": {
        "id": "{where}: YAML tidak valid: {detail}",
        "en": "{where}: invalid YAML: {detail}",
    },
    "hint.yaml_syntax": {
        "id": "periksa indentasi dan tanda titik dua di sekitar baris tersebut",
        "en": "check the indentation and colons around that line",
    },
    "error.yaml_too_large": {
        "id": "{where}: berkas terlalu besar ({size} bita; maksimum {limit})",
        "en": "{where}: file too large ({size} bytes; limit {limit})",
    },
    "error.yaml_too_complex": {
        "id": "{where}: YAML terlalu kompleks (lebih dari {limit} nilai setelah alias diperluas)",
        "en": "{where}: YAML too complex (more than {limit} values after expanding aliases)",
    },
    "hint.yaml_too_complex": {
        "id": "hapus alias (*nama) yang saling berulang",
        "en": "remove the nested aliases (*name) that multiply",
    },
    "error.yaml_duplicate_key": {
        "id": "{where}: {path}: kunci '{key}' muncul dua kali",
        "en": "{where}: {path}: key '{key}' appears twice",
    },
    "error.yaml_tag": {
        "id": "{where}: tag YAML '{tag}' tidak diizinkan",
        "en": "{where}: YAML tag '{tag}' is not allowed",
    },
    "error.yaml_key_type": {
        "id": "{where}: kunci harus berupa teks",
        "en": "{where}: keys must be strings",
    },
    "error.not_a_mapping": {
        "id": "{where}: isi berkas harus berupa mapping (kunci: nilai)",
        "en": "{where}: the file must contain a mapping (key: value)",
    },
    "error.rubric_version": {
        "id": "{where}: rubric: versi format {version} tidak didukung; versi ini membaca versi 1",
        "en": "{where}: rubric: format version {version} is not supported; this version reads version 1",
    },
    "hint.rubric_version": {
        "id": "perbarui smartcity-audit, atau tulis 'rubric: 1' di awal berkas",
        "en": "upgrade smartcity-audit, or write 'rubric: 1' at the top of the file",
    },
    "error.schema.enum": {
        "id": "{where}: {path}: {value} bukan salah satu dari {choices}",
        "en": "{where}: {path}: {value} is not one of {choices}",
    },
    "error.schema.unknown_key": {
        "id": "{where}: {path}: kunci '{key}' tidak dikenal",
        "en": "{where}: {path}: unknown key '{key}'",
    },
    "hint.quote_value": {
        "id": 'tulis nilai teks di antara tanda kutip, mis. version: "2024.2"',
        "en": 'write text values in quotes, e.g. version: "2024.2"',
    },
    "hint.did_you_mean": {
        "id": "maksud Anda '{suggestion}'?",
        "en": "did you mean '{suggestion}'?",
    },
    "hint.allowed_keys": {"id": "kunci yang diizinkan: {keys}", "en": "allowed keys: {keys}"},
    "error.schema.required": {
        "id": "{where}: {path}: kunci wajib '{key}' tidak ada",
        "en": "{where}: {path}: required key '{key}' is missing",
    },
    "error.schema.depends": {
        "id": "{where}: {path}: '{key}' hanya berlaku bersama '{needed}'",
        "en": "{where}: {path}: '{key}' only works together with '{needed}'",
    },
    "error.schema.type": {
        "id": "{where}: {path}: {value} harus bertipe {expected}",
        "en": "{where}: {path}: {value} must be of type {expected}",
    },
    "error.schema.minimum": {
        "id": "{where}: {path}: {value} kurang dari minimum {limit}",
        "en": "{where}: {path}: {value} is less than the minimum {limit}",
    },
    "error.schema.maximum": {
        "id": "{where}: {path}: {value} lebih dari maksimum {limit}",
        "en": "{where}: {path}: {value} is more than the maximum {limit}",
    },
    "error.schema.min_items": {
        "id": "{where}: {path}: daftar tidak boleh kosong",
        "en": "{where}: {path}: the list must not be empty",
    },
    "error.schema.empty_mapping": {
        "id": "{where}: {path}: tidak boleh kosong",
        "en": "{where}: {path}: must not be empty",
    },
    "error.result_invalid": {
        "id": "{path} bukan laporan JSON smartcity-audit yang valid: {detail}",
        "en": "{path} is not a valid smartcity-audit JSON report: {detail}",
    },
    "hint.result": {
        "id": "buat laporan dengan: smartcity-audit scan FOLDER --format json --output hasil.json",
        "en": "make one with: smartcity-audit scan FOLDER --format json --output result.json",
    },
    "error.no_cases": {
        "id": "tidak ada kasus uji di {path}: setiap subfolder kasus memerlukan berkas {name}",
        "en": "no test cases in {path}: each case subfolder needs a {name} file",
    },
    "error.exists": {
        "id": "{path} sudah ada; tidak ditimpa (pakai --force untuk menimpa)",
        "en": "{path} already exists; not overwritten (use --force to overwrite)",
    },
    "warning.cache_rebuilt": {
        "id": "cache {path} rusak dan dibuat ulang ({detail}); salinan lama disimpan sebagai .corrupt",
        "en": "the cache {path} was corrupt and is rebuilt ({detail}); the old copy is kept as .corrupt",
    },
    "error.cache_inside_root": {
        "id": "folder cache tidak boleh berada di dalam folder bukti: {path}",
        "en": "the cache folder must not be inside the evidence folder: {path}",
    },
    "msg.cache_info": {
        "id": "cache: {path}\ndokumen: {documents}\nberkas dikenal: {files}\nukuran: {size} dari maksimum {max}",
        "en": "cache: {path}\ndocuments: {documents}\nfiles known: {files}\nsize: {size} of at most {max}",
    },
    "msg.cache_cleared": {"id": "cache dikosongkan: {path}", "en": "cache cleared: {path}"},
    "msg.reading": {"id": "Membaca dokumen", "en": "Reading documents"},
    "msg.written": {"id": "ditulis: {path}", "en": "written: {path}"},
    "msg.case_passed": {
        "id": "✓ {name}: {count} harapan terpenuhi",
        "en": "✓ {name}: {count} expectations hold",
    },
    "msg.case_failed": {"id": "✗ {name}:", "en": "✗ {name}:"},
    "msg.mismatch": {
        "id": "{id}: diharapkan {expected}, hasilnya {actual}",
        "en": "{id}: expected {expected}, got {actual}",
    },
    "msg.cases_summary": {
        "id": "{passed} lulus, {failed} gagal",
        "en": "{passed} passed, {failed} failed",
    },
    "label.name": {"id": "Nama", "en": "Name"},
    "label.kind": {"id": "Jenis", "en": "Kind"},
    "kind.regulation": {"id": "peraturan", "en": "regulation"},
    "kind.decree": {"id": "keputusan (SK)", "en": "decree"},
    "kind.annex": {"id": "lampiran", "en": "annex"},
    "kind.minutes": {"id": "notulen/risalah", "en": "minutes"},
    "kind.agreement": {"id": "kesepakatan/perjanjian", "en": "agreement"},
    "kind.other": {"id": "lainnya (laporan, buku, data)", "en": "other (report, book, data)"},
    "label.version": {"id": "Versi", "en": "Version"},
    "error.schema.empty_block": {
        "id": "{where}: {path}: blok kosong; isi minimal satu dari: {keys}",
        "en": "{where}: {path}: empty block; give at least one of: {keys}",
    },
    "error.schema.pattern": {
        "id": "{where}: {path}: {value} tidak sesuai pola {pattern}",
        "en": "{where}: {path}: {value} does not match the pattern {pattern}",
    },
    "error.schema.min_length": {
        "id": "{where}: {path}: teks tidak boleh kosong",
        "en": "{where}: {path}: the text must not be empty",
    },
    "error.schema.format": {
        "id": "{where}: {path}: {value} bukan {format} yang valid",
        "en": "{where}: {path}: {value} is not a valid {format}",
    },
    "error.schema.other": {"id": "{where}: {path}: {detail}", "en": "{where}: {path}: {detail}"},
    "error.duplicate_id": {
        "id": "{where}: {path}: id '{id}' sudah dipakai di {other}",
        "en": "{where}: {path}: id '{id}' is already used at {other}",
    },
    "hint.duplicate_id": {
        "id": "setiap dimensi dan persyaratan perlu id yang unik",
        "en": "every dimension and requirement needs a unique id",
    },
    "error.bad_glob": {
        "id": "{where}: {path}: pola berkas '{pattern}' tidak valid: {problem}",
        "en": "{where}: {path}: file pattern '{pattern}' is invalid: {problem}",
    },
    "glob_double_star": {
        "id": "'**' harus menjadi satu segmen utuh (mis. '**/x')",
        "en": "'**' must be a whole path segment (e.g. '**/x')",
    },
    "glob_unclosed_bracket": {"id": "'[' tidak ditutup", "en": "'[' is not closed"},
    "glob_unopened_bracket": {"id": "']' tanpa '['", "en": "']' without '['"},
    "glob_empty_class": {"id": "kelas karakter kosong", "en": "empty character class"},
    "glob_empty": {"id": "pola kosong", "en": "empty pattern"},
    "glob_empty_segment": {"id": "segmen kosong ('//')", "en": "empty path segment ('//')"},
    "error.extends_cycle": {
        "id": "{where}: extends: siklus pewarisan rubrik: {chain}",
        "en": "{where}: extends: rubric inheritance cycle: {chain}",
    },
    "error.extends_unknown": {
        "id": "{where}: extends: rubrik '{name}' tidak ditemukan (bukan rubrik bawaan dan bukan berkas)",
        "en": "{where}: extends: rubric '{name}' not found (neither a bundled rubric nor a file)",
    },
    "error.not_finite": {
        "id": "{where}: {path}: {value} bukan bilangan yang terhingga",
        "en": "{where}: {path}: {value} is not a finite number",
    },
    "error.no_folders": {
        "id": "{where}: {id} memakai dimension_folder, tetapi dimensi '{dimension}' tidak punya 'folders'",
        "en": "{where}: {id} uses dimension_folder, but dimension '{dimension}' has no 'folders'",
    },
    "hint.no_folders": {
        "id": 'tambahkan pola nama folder di dimensi itu, mis. folders: ["*governance*", "*tata*kelola*"]',
        "en": 'add folder-name patterns to that dimension, e.g. folders: ["*governance*", "*tata*kelola*"]',
    },
    "error.remove_unknown": {
        "id": "{where}: {path}: '{id}' tidak ada di rubrik induk",
        "en": "{where}: {path}: '{id}' is not in the parent rubric",
    },
    "error.dimension_without_title": {
        "id": "{where}: {path}: dimensi baru '{id}' memerlukan 'title'",
        "en": "{where}: {path}: new dimension '{id}' needs a 'title'",
    },
    "error.rubric_empty": {
        "id": "{where}: rubrik tidak memiliki persyaratan",
        "en": "{where}: the rubric has no requirements",
    },
    "error.unknown_requirement": {
        "id": "{where}: {path}: persyaratan '{id}' tidak ada di rubrik {rubric}",
        "en": "{where}: {path}: requirement '{id}' is not in rubric {rubric}",
    },
    "error.unknown_dimension": {
        "id": "{where}: {path}: dimensi '{id}' tidak ada di rubrik {rubric}",
        "en": "{where}: {path}: dimension '{id}' is not in rubric {rubric}",
    },
    "error.pinned_outside": {
        "id": "{where}: {path}: '{file}' berada di luar folder yang dipindai",
        "en": "{where}: {path}: '{file}' is outside the scanned folder",
    },
    "hint.pinned_outside": {
        "id": "tulis jalur relatif terhadap folder yang dipindai, mis. 01-tata-kelola/Masterplan.pdf",
        "en": "write paths relative to the scanned folder, e.g. 01-governance/Masterplan.pdf",
    },
    "hint.rubric_schema": {
        "id": "lihat skema lengkap dengan: smartcity-audit rubric schema",
        "en": "see the full schema with: smartcity-audit rubric schema",
    },
    "msg.rubric_valid": {
        "id": "{path}: valid ({dimensions} dimensi, {requirements} persyaratan)",
        "en": "{path}: valid ({dimensions} dimensions, {requirements} requirements)",
    },
    "msg.report_written": {"id": "laporan ditulis ke {path}", "en": "report written to {path}"},
    "msg.unused_waiver": {
        "id": "pengecualian untuk {id} tidak dipakai karena persyaratannya sudah lengkap",
        "en": "the waiver for {id} was not needed: the requirement is complete",
    },
    # JUnit and SARIF reports: what a requirement asks for, in words.
    "report.help.evidence": {
        "id": "Bukti yang diminta: {title} (minimal {count} dokumen lengkap).",
        "en": "Evidence needed: {title} (at least {count} complete document(s)).",
    },
    "report.help.formats": {"id": "Format berkas: {formats}.", "en": "File formats: {formats}."},
    "report.help.kinds": {"id": "Jenis dokumen: {kinds}.", "en": "Kind of document: {kinds}."},
    "report.help.complete_when": {
        "id": "Dokumen dianggap lengkap bila:",
        "en": "A document counts as complete when it:",
    },
    "report.help.no_checks": {
        "id": "Berkas yang cocok sudah cukup; isinya tidak diperiksa lebih lanjut.",
        "en": "A matching file is enough; its content is not checked further.",
    },
    "report.help.pin": {
        "id": "Jika berkasnya ada tetapi tidak dikenali, tetapkan di konfigurasi (evidence: {id}).",
        "en": "If the file is there but not recognised, pin it in the configuration (evidence: {id}).",
    },
    "require.sections": {"id": "memuat bagian: {items}", "en": "has the sections: {items}"},
    "require.text_all": {
        "id": "memuat semua frasa: {items}",
        "en": "contains every phrase: {items}",
    },
    "require.text_any": {
        "id": "memuat minimal satu frasa: {items}",
        "en": "contains at least one phrase of: {items}",
    },
    "require.text_none": {"id": "tidak memuat: {items}", "en": "contains none of: {items}"},
    "require.min_pages": {"id": "minimal {min} halaman", "en": "has at least {min} pages"},
    "require.min_words": {"id": "minimal {min} kata", "en": "has at least {min} words"},
    "require.year_min": {"id": "bertahun {min} atau sesudahnya", "en": "is dated {min} or later"},
    "require.year_max": {
        "id": "bertahun {max} atau sebelumnya",
        "en": "is dated {max} or earlier",
    },
    "require.year_within": {
        "id": "bertahun paling lama {within} tahun sebelum tahun audit",
        "en": "is dated at most {within} year(s) before the audit year",
    },
    "require.signed": {
        "id": "disahkan (Ditetapkan di ..., pada tanggal ..., ttd, NIP)",
        "en": "is ratified (Ditetapkan di ..., pada tanggal ..., ttd, NIP)",
    },
    "report.location.config": {
        "id": "tidak ada berkas bukti; lokasi ini adalah konfigurasi audit",
        "en": "no evidence file; this location is the audit configuration",
    },
    "report.location.rubric": {
        "id": "tidak ada berkas bukti; lokasi ini adalah rubrik",
        "en": "no evidence file; this location is the rubric",
    },
    "report.waiver_until": {"id": "berlaku sampai {until}", "en": "valid until {until}"},
    "report.srcroot": {
        "id": "folder tempat smartcity-audit dijalankan (biasanya akar repositori)",
        "en": "the folder smartcity-audit ran in (usually the repository root)",
    },
}


def tr(lang: str, code: str, params: Mapping[str, object] | None = None) -> str:
    """Render message ``code`` in ``lang`` with named parameters (English if ``lang`` lacks it)."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["en"]
    if not params:
        return template
    values = {k: render(v, lang) if isinstance(v, Reason) else v for k, v in params.items()}
    return template.format_map(values)


def render(reason: Reason, lang: str) -> str:
    """Render a stored ``Reason`` in ``lang``."""
    return tr(lang, reason.code, reason.params)


def describe_problem(problem: Problem, lang: str) -> str:
    """Render a document problem in ``lang``."""
    params = {
        "detail": problem.detail,
        "pages": problem.pages if problem.pages is not None else "?",
    }
    return tr(lang, f"problem.{problem.kind.value}", params)


def problem_hint(problem: Problem, lang: str) -> str | None:
    """Return how to fix a document problem, when there is a standard fix."""
    code = f"hint.{problem.kind.value}"
    return tr(lang, code) if code in MESSAGES else None


def format_date(value: object, lang: str) -> str:
    """Write a date the way readers of ``lang`` expect ("4 November 2024" or "2024-11-04")."""
    import datetime as dt

    if isinstance(value, dt.date) and lang == "id":
        return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
