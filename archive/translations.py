"""English for the interface's Arabic msgids, and Arabic's six plural forms for the
counted nouns: `manage.py compile_translations` writes them into the .po files (kept
in sync with `makemessages`) and compiles the .mo files, in pure Python."""
EN = {
    "%(name)s وما يتبعه": "%(name)s and everything in it",
    "الأحدث أولاً": "Newest first", "الأقدم أولاً": "Oldest first",
    "الأكثر قتلى": "Most killed", "الأقل قتلى": "Fewest killed",
    "الأكثر جرحى": "Most wounded", "الأقل جرحى": "Fewest wounded",
    "يحتاج مراجعة": "Needs review", "تمت مراجعته": "Reviewed", "لم يراجع": "Not reviewed",
    "مرفوض": "Rejected", "الأكثر صلة": "Most relevant", "الأحدث": "Newest",
    "الأقدم": "Oldest", "بحث في نص المقالات": "Search the articles' text", "الجهة": "Actor",
    "المكان": "Place", "نوع الحدث": "Event type", "من تاريخ": "From date",
    "إلى تاريخ": "To date", "المصدر": "Outlet", "المراجعة": "Review", "الكل": "All",
    "الترتيب": "Order", "ابحث": "Search", "نُشر من": "Published from",
    "نُشر حتى": "Published until", "دولة": "Country", "محافظة": "Governorate",
    "قضاء / منطقة": "District", "ناحية": "Subdistrict", "مدينة": "City", "قرية": "Village",
    "منطقة": "Area", "قوات حكومية": "State forces", "جماعة مسلحة": "Armed group",
    "تحالف": "Coalition", "ميليشيا": "Militia", "أخرى": "Other", "قيد التنفيذ": "Running",
    "اكتمل": "Done", "توقف": "Interrupted", "فشل": "Failed", "في الانتظار": "Queued",
    "أُلغي": "Cancelled", "إدخال": "Ingestion", "إعادة استخراج": "Re-extraction",
    "الملفات أو المسارات": "Files or paths",
    "مسارات سطر الأوامر أو الملف المرفوع": "Command line paths or uploaded file",
    "أنشأها": "Created by", "بدأت": "Started", "انتهت": "Finished", "الحالة": "Status",
    "نسخة المستخرج": "Extractor version", "جديدة": "New", "مكررة": "Duplicates",
    "مرفوضة": "Rejected", "بلا أحداث": "Without events",
    "مقالات جديدة خُزنت دون أحداث: تعذر استخراجها":
        "New articles stored without events: the extractor failed on them",
    "العامل": "Worker", "آخر نبضة": "Last heartbeat", "نوع المهمة": "Job kind", "المجموع": "Total",
    "أنجز": "Done so far", "يعمل منذ": "Running since",
    "وُضعت المهمة في الطابور: تابع تقدمها هنا.": "The job is queued: follow its progress here.",
    "طُلب إلغاء المهمة: تتوقف عند حفظها التالي.":
        "Cancel requested: the job stops at its next save.",
    "الحالة:": "Status:", "طُلب الإلغاء": "cancel requested", "المقالات:": "Articles:",
    "السجلات:": "Records:", "السرعة:": "Rate:", "مقالة/ث": "articles/s",
    "الوقت المتبقي:": "Time left:", "أعيد استخراجها:": "Re-extracted:",
    "تعذّر استخراجها:": "Extraction failed:", "أحداث أضيفت:": "Events added:",
    "أحداث حُذفت:": "Events removed:", "أحداث مراجعة بقيت:": "Reviewed events kept:",
    "جديدة:": "New:", "مكررة:": "Duplicates:", "مرفوضة:": "Rejected:",
    "بلا أحداث:": "Without events:",
    "المقالات الجديدة في هذه الدفعة": "The new articles of this batch",
    "إلغاء المهمة": "Cancel the job", "شغّل مرة أخرى": "Run again",
    "الأخطاء والملاحظات": "Errors and notes", "غارة جوية": "Airstrike",
    "قصف": "Shelling", "تفجير": "Explosion", "اشتباك مسلح": "Armed clash",
    "هجوم": "Attack", "سيطرة على أرض": "Territory taken", "اعتقال": "Arrest",
    "احتجاج": "Protest", "يوم": "Day", "شهر": "Month", "سنة": "Year",
    "تاريخ النشر": "Publication date", "غير معروف": "Unknown", "المبادر": "Initiator",
    "المستهدف": "Target", "مصدر واحد": "Single source",
    "مؤكد من أكثر من مصدر": "Corroborated by several outlets",
    "روايات متعارضة": "Conflicting accounts", "حدث": "Event", "حادثة": "Incident",
    "آخر 30 يوماً": "Last 30 days", "آخر 12 شهراً": "Last 12 months",
    "هذا العام": "This year", "العام الماضي": "Last year", "Home": "Home",
    "كل حوادثها في الجدول ←": "All its incidents in the table →",
    "الأحداث عبر الزمن": "Events over time", "آخر التقارير": "Latest reports",
    "الأماكن": "Places", "جهات ترد معها": "Actors named with it",
    "المصدر الأصلي": "Original source", "دليل حدث": "Event evidence", "جهة": "Actor",
    "مكان": "Place", "الأحداث": "Events", "⬇ تصدير CSV": "⬇ Export CSV",
    "الوحدة:": "Unit:", "الحوادث": "Incidents", "التقارير الفردية": "Single reports",
    "المعايير والتصفية": "Criteria and filters", "الجهات": "Actors", "المصادر": "Outlets",
    "رتّب حسب:": "Sort by:", "التاريخ ↓": "Date ↓", "التاريخ ↑": "Date ↑",
    "القتلى": "Killed", "الجرحى": "Wounded",
    "صحّح المعايير المشار إليها أعلاه لعرض النتائج.":
        "Correct the criteria marked above to see results.",
    "الرئيسية": "Home", "مرصد": "Marsad",
    ("أرشيف عربي للأخبار عن النزاعات، وما ترويه من أحداث: من قاتل من، وأين، ومتى، "
     "وكم سقط من ضحايا."):
        "An archive of Arabic news about conflict and the events it reports: who fought "
        "whom, where, when, and how many were killed or wounded.",
    "ابحث عن مكان أو جهة أو حدث… مثلاً: كركوك":
        "Search for a place, an actor or an event… e.g. كركوك",
    "ابحث في الأرشيف": "Search the archive", "أرقام الأرشيف": "The archive in figures",
    "مقالة": "Article", "قتيلاً (مرة لكل حادثة)": "killed (once per incident)",
    "جريحاً (مرة لكل حادثة)": "wounded (once per incident)",
    "آخر الحوادث": "Latest incidents", "كل الحوادث ←": "All incidents →",
    "كل التقارير ←": "All reports →", "الجهات الأكثر حضوراً": "Most present actors",
    "لا شيء بعد.": "Nothing yet.", "الأماكن الأكثر حوادث": "Places with most incidents",
    "(تاريخ النشر، لم تذكر التقارير اليوم)":
        "(publication date: the reports do not give the day)",
    "تاريخ غير معروف": "Date unknown", "راجعها محرر": "Reviewed by an editor",
    "التقارير": "Reports", "أول وآخر تقرير": "First and last report",
    "الأطراف": "Actors", "النشر": "Published", "التاريخ": "Date", "النوع": "Type",
    "الدليل": "Evidence", "ضد": "against", "(أفضل تقدير لكل حادثة)":
        "(best estimate per incident)",
    "المعايير المطبقة": "Active criteria", "إزالة": "Remove", "مسح الكل": "Clear all",
    "تعذّر تطبيق بعض المعايير:": "Some criteria could not be applied:",
    "الثقة": "Confidence", "(تقريبي)": "(approximate)",
    "لا توجد أحداث تطابق هذه المعايير.": "No events match these criteria.",
    "اكتب اسم جهة…": "Type an actor's name…", "المكان (وما يتبعه)": "Place (and all inside)",
    "اكتب اسم بلدة أو محافظة…": "Type a town or governorate…", "من": "from", "إلى": "to",
    "تطبيق": "Apply", "(تاريخ النشر)": "(publication date)",
    "لا توجد حوادث تطابق هذه المعايير.": "No incidents match these criteria.",
    "الصفحات": "Pages", "→ السابق": "← Previous", "التالي ←": "Next →",
    "مراجعة": "Review", "تأكيد": "Confirm", "رفض": "Reject", "تصحيح": "Correct",
    "عدد الأحداث في كل فترة": "Events in each period", "لا أحداث مؤرخة.": "No dated events.",
    "التسلسل": "Breadcrumbs", "فيه وفيما يتبعه": "in it and everywhere inside it",
    "كل حوادثه في الجدول ←": "All its incidents in the table →",
    "الجهات الفاعلة هنا": "Actors here", "أماكن يضمها": "Places inside it",
    "⬇ تصدير أحداثها CSV": "⬇ Export its events as CSV", "الأقسام": "Sections",
    "المقالات": "Articles", "ابحث في الأرشيف…": "Search the archive…", "بحث": "Search",
    ("مرصد — أرشيف الأخبار العربية عن النزاعات والأحداث التي ترويها. "
     "الأرقام كما وردت في المصادر."):
        "Marsad — an archive of Arabic news about conflict and the events it reports. "
        "Figures as the sources gave them.",
    "واجهة JSON:": "JSON API:", "بالمعايير نفسها": "same criteria",
    "مقالات مطابقة": "Matching articles",
    "أكثر من %(n)s، أحدثها مرتبة": "More than %(n)s: the newest, ranked",
    "نتائج البحث عن «%(query)s»": "Results for “%(query)s”",
    "جهات وأماكن مطابقة": "Matching actors and places",
    "معايير الجدول المحمولة (تبقى في روابط الجدول):":
        "Table criteria carried here (kept by the links to the table):",
    "تأكيد الحادثة وتقاريرها": "Confirm the incident and its reports",
    "رفض الحادثة (تبقى تقاريرها محفوظة)": "Reject the incident (its reports are kept)",
    "في": "in", "، ": ", ",
    "تتراوح التواريخ بين %(low)s و%(high)s": "dates range from %(low)s to %(high)s",
    ("أفضل تقدير هو رقم آخر تقرير (ترتفع الحصيلة عادة)، والمدى بين أدنى رقم وأعلى رقم "
     "ورد في التقارير."):
        "The best estimate is the latest report's figure (tolls usually rise); the range runs "
        "from the lowest to the highest figure the reports gave.",
    "تتعارض التقارير في:": "The reports disagree on:", "عدد القتلى": "the number killed",
    "عدد الجرحى": "the number wounded", "الجهة المنفذة": "who carried it out",
    "التقارير جنباً إلى جنب": "The reports side by side", "المقالة": "The article",
    "مقالة بلا عنوان": "Untitled article", "الأحداث المستخرجة": "Extracted events",
    "لا نتائج لـ«%(query)s». جرّب كلمة أقصر أو تهجئة أخرى.":
        "No results for “%(query)s”. Try a shorter word or another spelling.",
    "لا مقالات بعد.": "No articles yet.",
    ("في الأرشيف %(n_articles)s مقالة و%(n_events)s تقريراً عن أحداث مستخرجاً منها، تروي "
     "%(n_incidents)s حادثة."):
        "The archive holds %(n_articles)s articles and %(n_events)s event reports extracted "
        "from them, telling of %(n_incidents)s incidents.",
    "صفحة %(n)s من %(total)s": "Page %(n)s of %(total)s",
    # review messages
    "أُكّد التقرير #%(id)s.": "Report #%(id)s confirmed.",
    "رُفض التقرير #%(id)s: بقي محفوظاً وخرج من الأرقام.":
        "Report #%(id)s rejected: it is kept, and left out of the figures.",
    "صُحّح التقرير #%(id)s وعُدّ مراجَعاً.": "Report #%(id)s corrected and counted as reviewed.",
    "إجراء غير معروف.": "Unknown action.",
    "أُكّدت الحادثة #%(id)s وتقاريرها.": "Incident #%(id)s and its reports confirmed.",
    "رُفضت الحادثة #%(id)s (%(n)s تقارير محفوظة خارج الأرقام).":
        "Incident #%(id)s rejected (%(n)s reports kept, out of the figures).",
    "أدخل عدداً صحيحاً غير سالب.": "Enter a whole number, not negative.",
    "أدخل التاريخ بالصيغة YYYY-MM-DD.": "Enter the date as YYYY-MM-DD.",
    "الملف": "File", "السطر": "Line", "الرسالة": "Message",
    # the map and the charts (templates/archive/partials/visuals.html, static/js/visuals.js)
    "الخريطة والرسم البياني": "Map and chart",
    "القتلى والحوادث عبر الزمن": "Killed and incidents over time", "الفترة": "Period",
    "أسبوعياً": "weekly", "شهرياً": "monthly", "سنوياً": "yearly",
    "جارٍ التحميل…": "Loading…",
    "الرسم والخريطة يعدّان الحوادث التي ترويها هذه التقارير (الحادثة مرة واحدة).":
        "The chart and the map count the incidents these reports tell of (each incident once).",
    "الرسم البياني والخريطة يحتاجان JavaScript؛ الجدول يعرض الأرقام نفسها.":
        "The chart and the map need JavaScript; the table shows the same figures.",
    "الخريطة": "Map", "خريطة الحوادث": "Map of the incidents",
    "مدينة أو قرية": "Town or village",
    "مركز محافظة أو قضاء (تقريبي)": "Centre of a governorate or district (approximate)",
    "مركز دولة (تقريبي جداً)": "Centre of a country (very approximate)",
    "مجموعة متقاربة": "Nearby places grouped",
    "مركز منطقة (تقريبي)": "Centre of an area (approximate)",
    " (بتاريخ النشر، تقريبي)": " (publication date, approximate)",
    "مخطّط: مؤرخ بتاريخ النشر (تقريبي)": "Hatched: dated by publication (approximate)",
    "لا حوادث لهذه المعايير.": "No incidents for these criteria.",
    "في الأعمدة %(n)s حادثة و%(killed)s قتيلاً": "In the bars: %(n)s incidents, %(killed)s killed",
    "%(n)s حادثة بلا تاريخ (%(killed)s قتيلاً) لا تظهر في الأعمدة":
        "%(n)s incidents without a date (%(killed)s killed) are not in the bars",
    "لا حوادث بلا تاريخ": "no incidents without a date",
    "المجموع %(n)s حادثة و%(killed)s قتيلاً.": "Total %(n)s incidents, %(killed)s killed.",
    "تعذّر تحميل الرسم البياني.": "The chart could not be loaded.",
    "%(n)s حادثة · %(killed)s قتيلاً": "%(n)s incidents · %(killed)s killed",
    "%(places)s أماكن: ": "%(places)s places: ", "بلا تاريخ": "no date",
    " (تقريبي)": " (approximate)", "%(killed)s قتيلاً": "%(killed)s killed",
    "و%(n)s أخرى: كل حوادث %(name)s في الجدول":
        "and %(n)s more: all incidents in %(name)s in the table",
    "ملفات الخريطة غير مثبتة على الخادم (static/vendor/: شغّل scripts/install).":
        "The map's files are not installed on the server (static/vendor/: run scripts/install).",
    "حدود الدول: Natural Earth": "Borders: Natural Earth",
    "تعذّر تحميل خريطة الأساس.": "The base map could not be loaded.",
    "%(n)s حادثة على الخريطة في %(places)s مكاناً":
        "%(n)s incidents on the map in %(places)s places",
    "%(n)s حادثة بلا إحداثيات لا تظهر عليها": "%(n)s incidents without coordinates are not on it",
    "كل الحوادث لها إحداثيات": "every incident has coordinates",
    "و%(places)s مكاناً أقل نشاطاً لم تُرسم": "and %(places)s quieter places not drawn",
    ". حجم الدائرة بحسب عدد القتلى.": ". A circle's size follows the number killed.",
    "تعذّر تحميل نقاط الخريطة.": "The map's points could not be loaded.",
    "في الأعمدة حادثة واحدة و%(killed)s قتيلاً": "In the bars: 1 incident, %(killed)s killed",
    "حادثة واحدة بلا تاريخ (%(killed)s قتيلاً) لا تظهر في الأعمدة":
        "1 incident without a date (%(killed)s killed) is not in the bars",
    "المجموع حادثة واحدة و%(killed)s قتيلاً.": "Total 1 incident, %(killed)s killed.",
    "حادثة واحدة · %(killed)s قتيلاً": "1 incident · %(killed)s killed",
    "حادثة واحدة على الخريطة في مكان واحد": "1 incident on the map in 1 place",
    "حادثة واحدة بلا إحداثيات لا تظهر عليها": "1 incident without coordinates is not on it",
}
EN_PLURALS = {
    "%(n)s event": ("%(n)s event", "%(n)s events"),
    "%(n)s incident": ("%(n)s incident", "%(n)s incidents"),
    "%(n)s report": ("%(n)s report", "%(n)s reports"),
    "%(n)s killed": ("%(n)s killed", "%(n)s killed"),
    "%(n)s wounded": ("%(n)s wounded", "%(n)s wounded"),
    "%(n)s article": ("%(n)s article", "%(n)s articles"),
    "%(n)s outlet": ("%(n)s outlet", "%(n)s outlets"),
}
# Forms: 0, 1, 2, 3–10, 11–99, 100+ (and their hundreds), per the header below.
AR_PLURAL_FORMS = ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                   "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;")
AR_PLURALS = {
    "%(n)s event": ("لا أحداث", "حدث واحد", "حدثان", "%(n)s أحداث", "%(n)s حدثاً",
                    "%(n)s حدث"),
    "%(n)s incident": ("لا حوادث", "حادثة واحدة", "حادثتان", "%(n)s حوادث", "%(n)s حادثة",
                       "%(n)s حادثة"),
    "%(n)s report": ("لا تقارير", "تقرير واحد", "تقريران", "%(n)s تقارير", "%(n)s تقريراً",
                     "%(n)s تقرير"),
    "%(n)s killed": ("لا قتلى", "قتيل واحد", "قتيلان", "%(n)s قتلى", "%(n)s قتيلاً",
                     "%(n)s قتيل"),
    "%(n)s wounded": ("لا جرحى", "جريح واحد", "جريحان", "%(n)s جرحى", "%(n)s جريحاً",
                      "%(n)s جريح"),
    "%(n)s article": ("لا مقالات", "مقالة واحدة", "مقالتان", "%(n)s مقالات", "%(n)s مقالة",
                      "%(n)s مقالة"),
    "%(n)s outlet": ("لا مصادر", "مصدر واحد", "مصدران", "%(n)s مصادر", "%(n)s مصدراً",
                     "%(n)s مصدر"),
}
# English msgids (an ingestion batch's messages, archive/batch_messages.py) in Arabic, for
# the admin; English shows them as they are.
AR = {
    ("interrupted: its process (%(worker)s) stopped without finishing (killed?); found "
     "%(found)s UTC. %(behind)s stored articles were not yet counted and are now; duplicate "
     "and failed counts may be short. Run the same command again to finish."):
        ("توقفت الدفعة: عمليتها (%(worker)s) انتهت قبل أن تكمل (قُتلت؟)؛ اكتُشف ذلك في "
         "%(found)s UTC. %(behind)s مقالات محفوظة لم تكن قد عُدّت وعُدّت الآن؛ قد تنقص أعداد "
         "المكرر والفاشل. شغّل الأمر نفسه مرة أخرى لإكمالها."),
    "further errors not stored": "لم تُحفظ الأخطاء التالية",
    "the database refused this article: %(error)s": "رفضت قاعدة البيانات هذه المقالة: %(error)s",
    "storing its events failed: %(error)s": "فشل حفظ أحداثها: %(error)s",
    "stopped after %(n)s failed records (the limit is %(limit)s): is this the right file?":
        "توقفت بعد %(n)s سجلات فاشلة (الحد %(limit)s): هل هذا هو الملف الصحيح؟",
    "interrupted (Ctrl-C or a stop signal)": "توقفت (Ctrl-C أو إشارة إيقاف)",
    "stopped: %(error)s": "توقفت: %(error)s",
    "article #%(id)s stored without events: extraction failed: %(error)s":
        "حُفظت المقالة #%(id)s بلا أحداث: فشل الاستخراج: %(error)s",
    ("could not queue the job (%(error)s): the file is kept; start the broker and a worker, "
     "then press Run again"):
        ("تعذّر وضع المهمة في الطابور (%(error)s): الملف محفوظ؛ شغّل الوسيط وعاملاً ثم اضغط "
         "«شغّل مرة أخرى»"),
    "cancelled after %(done)s of %(total)s": "أُلغيت بعد %(done)s من %(total)s",
    "the uploaded file is gone: %(path)s": "الملف المرفوع لم يعد موجوداً: %(path)s",
    "cannot read this folder: %(reason)s": "تعذّرت قراءة هذا المجلد: %(reason)s",
    "a broken link: its target does not exist": "رابط مكسور: هدفه غير موجود",
    "no such file or folder": "لا يوجد ملف أو مجلد بهذا الاسم",
    "cannot read the file: %(reason)s": "تعذّرت قراءة الملف: %(reason)s",
    "not a regular file (a pipe, socket or device)": "ليس ملفاً عادياً (أنبوب أو مقبس أو جهاز)",
    "unsupported file type %(suffix)s: use %(allowed)s":
        "نوع ملف غير مدعوم %(suffix)s: استخدم %(allowed)s",
    "record larger than the limit of %(limit)s bytes": "سجل أكبر من الحد (%(limit)s بايت)",
    "malformed JSON: %(error)s": "JSON غير سليم: %(error)s",
    "each line must be a JSON object {\"text\": ...}":
        "يجب أن يكون كل سطر كائن JSON {\"text\": ...}",
    "a JSON array over %(limit)s bytes: convert it to JSONL":
        "مصفوفة JSON أكبر من %(limit)s بايت: حوّلها إلى JSONL",
    "each array item must be a JSON object": "يجب أن يكون كل عنصر في المصفوفة كائن JSON",
    "malformed CSV row: %(error)s": "صف CSV غير سليم: %(error)s",
    "CSV has no 'text' column (columns: %(columns)s)":
        "ملف CSV بلا عمود 'text' (الأعمدة: %(columns)s)",
    "empty article: the file has no words": "مقالة فارغة: لا كلمات في الملف",
    "empty article: the text has no words": "مقالة فارغة: لا كلمات في النص",
    "%(n)s control characters (such as NUL) removed from the text":
        "أزيل من النص %(n)s من محارف التحكم (مثل NUL)",
    "zip files nested too deep": "ملفات zip متداخلة أكثر مما ينبغي",
    "not a readable zip file: %(error)s": "ملف zip لا يمكن قراءته: %(error)s",
    "cannot unpack this member: %(error)s": "تعذّر فك هذا الملف من الأرشيف: %(error)s",
    "missing 'text'": "الحقل 'text' مفقود",
    "'text' must be a string, not %(type)s": "يجب أن يكون 'text' نصاً، لا %(type)s",
    "url %(url)s is not http(s); dropped": "الرابط %(url)s ليس http(s)؛ حُذف",
    "url of %(n)s characters (over %(limit)s) dropped":
        "حُذف رابط من %(n)s محرفاً (أكثر من %(limit)s)",
    "more than %(n)s %(what)s in one file: stopped reading it (split the file)":
        "أكثر من %(n)s %(what)s في ملف واحد: توقفت قراءته (قسّم الملف)",
    "%(field)s of %(n)s characters cut to %(limit)s": "قُصّ %(field)s من %(n)s محرفاً إلى %(limit)s",
    "%(error)s; stored without a publication date": "%(error)s؛ حُفظت بلا تاريخ نشر",
}
EN.update({msgid: msgid for msgid in AR})
