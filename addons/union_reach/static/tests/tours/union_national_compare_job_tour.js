/** @odoo-module **/

import { registry } from "@web/core/registry";
import { runWaitingJobs, openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_job_tours.py as the upper-level officer of "Công đoàn ngành Giáo dục" (who
// reaches its members), with every file "large" (compared in the background): Reach ▸ National
// Register Comparison, a new comparison of the sector union with a small national export,
// Compare (a double click); the form shows the job waiting with its progress bar and no second
// Compare button; the job runner (played by the test) compares, and the form shows the
// differences by itself. Accepting the national codes is a separate step, confirmed.

// The national export (sheet "DS", header row 1), written with openpyxl:
//   Mã đoàn viên | Họ và tên      | Ngày sinh  | Giới tính | Số CCCD      | Mã công đoàn cơ sở | Số thẻ đoàn viên | Trạng thái
//   QG00000001   | Nguyễn Thị Lan | 02/03/1985 | Nữ        | 067185000001 | T-A                | TDV0000001       | Đang sinh hoạt
//   QG00000002   | Trần Văn Hùng  | 20/11/1979 | Nam       | 067079000002 | T-A-T1             | TDV0000002       | Đang sinh hoạt
//   QG00000099   | Phạm Thị Ngoài | 01/01/1990 | Nữ        | 079190000099 | T-X                |                  | Đang sinh hoạt
const FILE = "UEsDBBQAAAAIAGKJgl1GWsEMggAAALEAAAAQAAAAZG9jUHJvcHMvYXBwLnhtbE2OTQvCMBBE/0rp3W5V8CAxINSj4Ml7SDc2kGRDdoX8fFPBj9s83jCMuhXKWMQjdzWGxKd+EclHALYLRsND06kZRyUaaVgeQM55ixPZZ8QksBvHA2AVTDPOm/wd7LU65xy8NeIp6au3hZicdJdqMSj4l2vzjoXXvB+2b/lhBb+T+gVQSwMEFAAAAAgAYomCXR5VDNbuAAAAKwIAABEAAABkb2NQcm9wcy9jb3JlLnhtbM2Sz0oDMRCHX0Vy351kixXCdi8VTwqCBcVbSKZtcPOHZGS3b292bbeIPoDHzPzyzTcwrY5Sh4TPKURMZDHfjK73Weq4YUeiKAGyPqJTuS4JX5r7kJyi8kwHiEp/qANCw/kaHJIyihRMwCouRNa1RkudUFFIZ7zRCz5+pn6GGQ3Yo0NPGUQtgHXTxHga+xaugAlGmFz+LqBZiHP1T+zcAXZOjtkuqWEY6mE158oOAt6eHl/mdSvrMymvsfzKVtIp4oZdJr+utve7B9Y1vFlXoql4sxN3UgjJb98n1x9+V2EXjN3bf2x8Eexa+HUX3RdQSwMEFAAAAAgAYomCXZlcnCMQBgAAnCcAABMAAAB4bC90aGVtZS90aGVtZTEueG1s7Vpbc9o4FH7vr9B4Z/ZtC8Y2gba0E3Npdtu0mYTtTh+FEViNbHlkkYR/v0c2EMuWDe2STbqbPAQs6fvORUfn6Dh58+4uYuiGiJTyeGDZL9vWu7cv3uBXMiQRQTAZp6/wwAqlTF61WmkAwzh9yRMSw9yCiwhLeBTL1lzgWxovI9bqtNvdVoRpbKEYR2RgfV4saEDQVFFab18gtOUfM/gVy1SNZaMBE1dBJrmItPL5bMX82t4+Zc/pOh0ygW4wG1ggf85vp+ROWojhVMLEwGpnP1Zrx9HSSICCyX2UBbpJ9qPTFQgyDTs6nVjOdnz2xO2fjMradDRtGuDj8Xg4tsvSi3AcBOBRu57CnfRsv6RBCbSjadBk2PbarpGmqo1TT9P3fd/rm2icCo1bT9Nrd93TjonGrdB4Db7xT4fDronGq9B062kmJ/2ua6TpFmhCRuPrehIVteVA0yAAWHB21szSA5ZeKfp1lBrZHbvdQVzwWO45iRH+xsUE1mnSGZY0RnKdkAUOADfE0UxQfK9BtorgwpLSXJDWzym1UBoImsiB9UeCIcXcr/31l7vJpDN6nX06zmuUf2mrAaftu5vPk/xz6OSfp5PXTULOcLwsCfH7I1thhyduOxNyOhxnQnzP9vaRpSUyz+/5CutOPGcfVpawXc/P5J6MciO73fZYffZPR24j16nAsyLXlEYkRZ/ILbrkETi1SQ0yEz8InYaYalAcAqQJMZahhvi0xqwR4BN9t74IyN+NiPerb5o9V6FYSdqE+BBGGuKcc+Zz0Wz7B6VG0fZVvNyjl1gVAZcY3zSqNSzF1niVwPGtnDwdExLNlAsGQYaXJCYSqTl+TUgT/iul2v6c00DwlC8k+kqRj2mzI6d0Js3oMxrBRq8bdYdo0jx6/gX5nDUKHJEbHQJnG7NGIYRpu/AerySOmq3CEStCPmIZNhpytRaBtnGphGBaEsbReE7StBH8Waw1kz5gyOzNkXXO1pEOEZJeN0I+Ys6LkBG/HoY4SprtonFYBP2eXsNJweiCy2b9uH6G1TNsLI73R9QXSuQPJqc/6TI0B6OaWQm9hFZqn6qHND6oHjIKBfG5Hj7lengKN5bGvFCugnsB/9HaN8Kr+ILAOX8ufc+l77n0PaHStzcjfWfB04tb3kZuW8T7rjHa1zQuKGNXcs3Ix1SvkynYOZ/A7P1oPp7x7frZJISvmlktIxaQS4GzQSS4/IvK8CrECehkWyUJy1TTZTeKEp5CG27pU/VKldflr7kouDxb5OmvoXQ+LM/5PF/ntM0LM0O3ckvqtpS+tSY4SvSxzHBOHssMO2c8kh22d6AdNfv2XXbkI6UwU5dDuBpCvgNtup3cOjiemJG5CtNSkG/D+enFeBriOdkEuX2YV23n2NHR++fBUbCj7zyWHceI8qIh7qGGmM/DQ4d5e1+YZ5XGUDQUbWysJCxGt2C41/EsFOBkYC2gB4OvUQLyUlVgMVvGAyuQonxMjEXocOeXXF/j0ZLj26ZltW6vKXcZbSJSOcJpmBNnq8reZbHBVR3PVVvysL5qPbQVTs/+Wa3InwwRThYLEkhjlBemSqLzGVO+5ytJxFU4v0UzthKXGLzj5sdxTlO4Ena2DwIyubs5qXplMWem8t8tDAksW4hZEuJNXe3V55ucrnoidvqXd8Fg8v1wyUcP5TvnX/RdQ65+9t3j+m6TO0hMnHnFEQF0RQIjlRwGFhcy5FDukpAGEwHNlMlE8AKCZKYcgJj6C73yDLkpFc6tPjl/RSyDhk5e0iUSFIqwDAUhF3Lj7++TaneM1/osgW2EVDJk1RfKQ4nBPTNyQ9hUJfOu2iYLhdviVM27Gr4mYEvDem6dLSf/217UPbQXPUbzo5ngHrOHc5t6uMJFrP9Y1h75Mt85cNs63gNe5hMsQ6R+wX2KioARq2K+uq9P+SWcO7R78YEgm/zW26T23eAMfNSrWqVkKxE/Swd8H5IGY4xb9DRfjxRiraaxrcbaMQx5gFjzDKFmON+HRZoaM9WLrDmNCm9B1UDlP9vUDWj2DTQckQVeMZm2NqPkTgo83P7vDbDCxI7h7Yu/AVBLAwQUAAAACABiiYJdSh2Ks7ACAAB1CQAAGAAAAHhsL3dvcmtzaGVldHMvc2hlZXQxLnhtbJ1WbW/aMBD+K1Ym9Rt1EqAhCyC1UGDSiljLun11wSRWk5g5pqz/fnfhZWzzFXV88dm+57k7P2fi7lab5yqT0rKfRV5WPS+zdv2R82qRyUJUl3otS9hZaVMIC1OT8mptpFjWoCLnoe9f8UKo0ut367WZ6Xf1xuaqlDPDqk1RCPN6I3O97XmBd1i4V2lmcYH3u2uRygdpv65nBmb8yFIbj0puqxObYcZPWj/j5NOy5/kYWOZyYZUumYDhRQ5knve8awz3w8hVbR6pEXhqH9hHdY2Q85Oo5EDn39TSZj2v47GlXIlNbu/1diL3ebeRr4YNhRX9rtFbZrCefneBBsYGP1XiOTxYA+sKAtn+3cWHMIwSBkPUTDTOWknJXhRYTbC63EJy6MsXe64bimty8SHqdNoJe9nRMEuTDCiSaboDv7JKlZkDOaSQY4Xx4zhRu8BR4sTfUviHOv04YYPBYOgAjs6d4QLGFpSb/n2asNEKwKGCCLHfTBzk47NZ2Qytq/dpNaFo5wbZWgFmi8xh2E7UnwQcmujYSeGxk0KC8cvY3/0CV89QqGm6ecVMIlCLzesSO82EfRbOpqFY/JD7TR7EnbarYcjYKEcQu+S4JSNdRUGnTdY5onDzxrVLddJ9+Egf5oRCYWOEiQBJ8e6wTO81tm8I2zwK2zwnbOgSlkLtGwxlfYS82jEYE7wgYKQubSmi0OdBANpGsUtbCjUVhUtWyh1k9eFqUlWOyCob1425S6MxiTgo64ozoVD/o2zrqGzrjLKx62hvKNQs2wcvTi7sNN3/HymXthSVH3AftY19l7YU6q17S0ZCBF3siMLNG99d6v7r/ltDiupdGvKTjzk+SO6ESVVZsVyugNy/jNoeM7uP/25i9bp+0Dxpa3VRmxm8i6RBB9hfaW0PE3x7HF9a/V9QSwMEFAAAAAgAYomCXXzzo9xRAgAA9gkAAA0AAAB4bC9zdHlsZXMueG1s3VbbitswEP0V4Q+ok5g1cUnyUENgoS0Luw99VWI5EejiyvKS9Os7Izl2s6tZKH2rTfDMHJ25G2fT+6sSz2chPLtoZfptdva++5zn/fEsNO8/2U4YQFrrNPegulPed07wpkeSVvlqsShzzaXJdhsz6L32PTvawfhttsjy3aa1ZrYss2iAo1wL9srVNqu5kgcnw1mupbpG8woNR6usYx5SEUgGS/8rwsuoYZajHy2NdWjMY4Tw6MGpVGpKYJVFw27Tce+FM3tQAicY30FslF+uHWRwcvy6XD1kMyE8IMjBuka4uzqjabdRovVAcPJ0xqe3XY6g91aD0Eh+soaHHG6MUQC3R6HUM47oR3vn+9Ky2OvHBtvMsNSbCAmNYnQTFfT/p7fo+5/dsk6+Wv9lgGpM0H8O1osnJ1p5CfqlvY8/hQ6J3EWfrAyXY5t9x51Tswt2GKTy0ozaWTaNMO9qA/eeH2Cp7/zD+Ua0fFD+ZQK32Sx/E40cdDWdesKyxlOz/BVnuCynzYRY0jTiIpp6VN3pEEQGAkQdLyS8RfbhSiMUJ2JpBDEqDpUBxYksKs7/VM+arCdiVG7rJLImOWuSE1kppA43FSfNqeBKV1pVRVGWVEfrOplBTfWtLPGX9kblhgwqDkb6u17T06Y35OM9oGb60YZQldKbSFVK9xqRdN+QUVXpaVNxkEFNgdodjJ+OgzuV5hQFTpXKjXqDaaSqKAR3Mb2jZUl0p8Q7PR/qLSmKqkojiKUzKAoKwbeRRqgMMAcKKYrwHXzzPcpv36l8/qe3+w1QSwMEFAAAAAgAYomCXZeKuxzAAAAAEwIAAAsAAABfcmVscy8ucmVsc52SuW7DMAxAf8XQnjAH0CGIM2XxFgT5AVaiD9gSBYpFnb+v2qVxkAsZeT08EtweaUDtOKS2i6kY/RBSaVrVuAFItiWPac6RQq7ULB41h9JARNtjQ7BaLD5ALhlmt71kFqdzpFeIXNedpT3bL09Bb4CvOkxxQmlISzMO8M3SfzL38ww1ReVKI5VbGnjT5f524EnRoSJYFppFydOiHaV/Hcf2kNPpr2MitHpb6PlxaFQKjtxjJYxxYrT+NYLJD+x+AFBLAwQUAAAACABiiYJdwKkWDTEBAAAfAgAADwAAAHhsL3dvcmtib29rLnhtbI1R0UrDQBD8lXAfYFLRgqXpi0UtiBYrfb8km2bp3W3Y27Tar3eTECz44tPezizDzNzyTHwsiI7Jl3ch5qYRaRdpGssGvI031EJQpib2VnTlQxpbBlvFBkC8S2+zbJ56i8GslpPWltPrhQRKQQoK9sAe4Rx/+X5NThixQIfynZvh7cAkHgN6vECVm8wksaHzCzFeKIh1u5LJudzMRmIPLFj+gXe9yU9bxAERW3xYNZKbeaaCNXKU4WLQt+rxBHo8bp3QEzoBXluBZ6auxXDoZTRFehVj6GGaY4kL/k+NVNdYwprKzkOQsUcG1xsMscE2miRYD7lZ7/owqr6pxmCijq5q4gUqwZtq9DYZqqDGANWbakTFtZxyy0k/Bp3bu/vZg5bQOfeo2Ht4JVtN+aa/Wf0AUEsDBBQAAAAIAGKJgl0kHpuirQAAAPgBAAAaAAAAeGwvX3JlbHMvd29ya2Jvb2sueG1sLnJlbHO1kT0OgzAMha8S5QA1UKlDBUxdWCsuEAXzIxISxa4Kty+FAZA6dGGyni1/78lOn2gUd26gtvMkRmsGymTL7O8ApFu0ii7O4zBPahes4lmGBrzSvWoQkii6QdgzZJ7umaKcPP5DdHXdaXw4/bI48A8wvF3oqUVkKUoVGuRMwmi2NsFS4stMlqKoMhmKKpZwWiDiySBtaVZ9sE9OtOd5Fzf3Ra7N4wmu3wxweHT+AVBLAwQUAAAACABiiYJdZZB5khkBAADPAwAAEwAAAFtDb250ZW50X1R5cGVzXS54bWytk01OwzAQha8SZVslLixYoKYbYAtdcAFjTxqr/pNnWtLbM07aSqASFYVNrHjevM+el6zejxGw6J312JQdUXwUAlUHTmIdIniutCE5SfyatiJKtZNbEPfL5YNQwRN4qih7lOvVM7Ryb6l46XkbTfBNmcBiWTyNwsxqShmjNUoS18XB6x+U6kSouXPQYGciLlhQiquEXPkdcOp7O0BKRkOxkYlepWOV6K1AOlrAetriyhlD2xoFOqi945YaYwKpsQMgZ+vRdDFNJp4wjM+72fzBZgrIyk0KETmxBH/HnSPJ3VVkI0hkpq94IbL17PtBTluDvpHN4/0MaTfkgWJY5s/4e8YX/xvO8RHC7r8/sbzWThp/5ovhP15/AVBLAQIUAxQAAAAIAGKJgl1GWsEMggAAALEAAAAQAAAAAAAAAAAAAACAAQAAAABkb2NQcm9wcy9hcHAueG1sUEsBAhQDFAAAAAgAYomCXR5VDNbuAAAAKwIAABEAAAAAAAAAAAAAAIABsAAAAGRvY1Byb3BzL2NvcmUueG1sUEsBAhQDFAAAAAgAYomCXZlcnCMQBgAAnCcAABMAAAAAAAAAAAAAAIABzQEAAHhsL3RoZW1lL3RoZW1lMS54bWxQSwECFAMUAAAACABiiYJdSh2Ks7ACAAB1CQAAGAAAAAAAAAAAAAAAgIEOCAAAeGwvd29ya3NoZWV0cy9zaGVldDEueG1sUEsBAhQDFAAAAAgAYomCXXzzo9xRAgAA9gkAAA0AAAAAAAAAAAAAAIAB9AoAAHhsL3N0eWxlcy54bWxQSwECFAMUAAAACABiiYJdl4q7HMAAAAATAgAACwAAAAAAAAAAAAAAgAFwDQAAX3JlbHMvLnJlbHNQSwECFAMUAAAACABiiYJdwKkWDTEBAAAfAgAADwAAAAAAAAAAAAAAgAFZDgAAeGwvd29ya2Jvb2sueG1sUEsBAhQDFAAAAAgAYomCXSQem6KtAAAA+AEAABoAAAAAAAAAAAAAAIABtw8AAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzUEsBAhQDFAAAAAgAYomCXWWQeZIZAQAAzwMAABMAAAAAAAAAAAAAAIABnBAAAFtDb250ZW50X1R5cGVzXS54bWxQSwUGAAAAAAkACQA+AgAA5hEAAAAA";

function xlsxFile() {
    const bytes = Uint8Array.from(atob(FILE), (c) => c.charCodeAt(0));
    return new File([bytes], "quoc_gia.xlsx", {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
}

registry.category("web_tour.tours").add("union_national_compare_job_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        {
            content: "Reach menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_reach.union_reach_menu']",
            run: "click",
        },
        {
            content: "National Register Comparison",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_reach.union_reach_national_import_menu']",
            run: "click",
        },
        {
            content: "A new comparison",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Of the sector union and the units below it",
            trigger: ".o_form_view .o_field_widget[name='organization_id'] input",
            run: "edit ngành Giáo dục",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='organization_id'] .o-autocomplete--dropdown-item a:contains('Công đoàn ngành Giáo dục')",
            run: "click",
        },
        {
            content: "The column mapping is proposed",
            trigger: ".o_form_view .o_field_widget[name='mapping_id'] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("No column mapping proposed");
                }
            },
        },
        {
            content: "Choose the national export",
            trigger: ".o_form_view .o_field_widget[name='file'] input[type='file']:not(:visible)",
            run() {
                const input = document.querySelector(".o_form_view .o_field_widget[name='file'] input[type='file']");
                const transfer = new DataTransfer();
                transfer.items.add(xlsxFile());
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is chosen",
            trigger: ".o_form_view .o_field_widget[name='file'] input.o_input:value(quoc_gia.xlsx)",
        },
        {
            content: "Compare, clicked twice",
            trigger: ".o_form_view .o_form_statusbar button[name='action_compare']",
            run: "dblclick",
        },
        {
            content: "The comparison waits in the background, with its progress bar",
            trigger: ".o_form_view .alert-info .o_field_widget[name='union_job_progress'] .o_progressbar",
        },
        {
            content: "No second Compare while it waits, and no difference yet",
            trigger: ".o_form_view:not(:has(.o_field_widget[name='diff_ids'] .o_data_row)) .o_form_statusbar:not(:has(button[name='action_compare']))",
        },
        runWaitingJobs(".o_form_view .alert-info .o_field_widget[name='union_job_progress']"),
        {
            content: "The form shows the comparison by itself",
            trigger: ".o_form_view:not(:has(.alert-info .o_field_widget[name='union_job_progress'])) .o_form_statusbar button.o_arrow_button_current[data-value='compared']",
        },
        {
            content: "Three rows read",
            trigger: ".o_form_view .o_field_widget[name='row_count']:contains('3')",
        },
        {
            content: "The card number the national register gives a member",
            trigger: ".o_form_view .o_field_widget[name='diff_ids'] .o_data_row:contains('Nguyễn Thị Lan'):contains('TDV0000001')",
        },
        {
            content: "Someone only in the national file",
            trigger: ".o_form_view .o_field_widget[name='diff_ids'] .o_data_row:contains('Phạm Thị Ngoài')",
        },
        {
            content: "A member only in the suite",
            trigger: ".o_form_view .o_field_widget[name='diff_ids'] .o_data_row:contains('Lê Thị Hoa')",
        },
        {
            content: "Accepting is a separate step",
            trigger: ".o_form_view .o_form_statusbar button[name='action_accept_codes']",
            run: "click",
        },
        {
            content: "Confirm writing the national codes and card numbers",
            trigger: ".modal footer .btn-primary",
            run: "click",
        },
        {
            content: "Accepted: two members updated",
            trigger: ".o_form_view .o_form_statusbar button.o_arrow_button_current[data-value='accepted']",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='accepted_count']:contains('2')",
        },
    ],
});
